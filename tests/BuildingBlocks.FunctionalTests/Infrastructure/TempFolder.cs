namespace BuildingBlocks.FunctionalTests.Infrastructure;

/// <summary>A throwaway folder for a host's SQLite database.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("lodestar-test-").FullName;

    /// <summary>Keep folders of failed runs for reading: LODESTAR_KEEP_TEST_DATA=1.</summary>
    private static bool Keep => Environment.GetEnvironmentVariable("LODESTAR_KEEP_TEST_DATA") == "1";

    public void Dispose()
    {
        if (Keep) return;
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
