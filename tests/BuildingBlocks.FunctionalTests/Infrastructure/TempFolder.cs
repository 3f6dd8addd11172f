namespace BuildingBlocks.FunctionalTests.Infrastructure;

/// <summary>A throwaway folder for a host's SQLite database.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("lodestar-test-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the folder is under the temp path.
        }
    }
}
