namespace AppHost.Tests;

/// <summary>A folder under the temp path, deleted with its contents when disposed.</summary>
public sealed class TemporaryFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("lodestar-apphost-model-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
