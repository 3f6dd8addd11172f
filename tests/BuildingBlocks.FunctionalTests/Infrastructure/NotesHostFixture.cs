using BuildingBlocks.NotesService;

namespace BuildingBlocks.FunctionalTests.Infrastructure;

/// <summary>One notes host on SQLite, without messaging, shared by the API tests of a class (each test uses its own workspace).</summary>
public sealed class NotesHostFixture : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    public ServiceHost Host { get; private set; } = null!;

    public NotesClients Clients { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Host = await NotesHost.StartAsync(_folder.Path, null, null);
        Clients = new NotesClients(Host);
    }

    public async ValueTask DisposeAsync()
    {
        Clients.Dispose();
        await Host.DisposeAsync();
        _folder.Dispose();
    }
}
