using Lodestar.Testing;

namespace Charts.Tests.Infrastructure;

/// <summary>Paths in the repository the tests run from.</summary>
public static class Repository
{
    public static string Root => RepositoryFolder.Root;

    public static string Chart => Path.Combine(Root, "charts", "lodestar");

    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);
}
