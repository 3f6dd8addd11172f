namespace Lodestar.Testing;

/// <summary>The repository the tests run from: the folder holding Platform.sln above the test's binaries.</summary>
public static class RepositoryFolder
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Platform.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException("Platform.sln not found above the test's folder.");
    }
}
