using BuildingBlocks.NotesService;
using Lodestar.Persistence;
using Lodestar.Security;
using Lodestar.Testing;

namespace BuildingBlocks.FunctionalTests.Infrastructure;

/// <summary>The notes service as a <see cref="ServiceHost"/>.</summary>
public static class NotesHost
{
    /// <param name="dataPath">SQLite folder, used when <paramref name="database"/> is null.</param>
    /// <param name="database">A PostgreSQL connection string, or null for SQLite.</param>
    /// <param name="eventBus">An amqp:// connection string, or null for a host without messaging.</param>
    /// <param name="extra">More configuration, overriding the defaults.</param>
    public static Task<ServiceHost> StartAsync(string dataPath, string? database, string? eventBus, IDictionary<string, string?>? extra = null) =>
        ServiceHost.StartAsync(NotesServiceExtensions.ServiceName, dataPath, database, eventBus,
            builder => builder.AddNotesService(),
            async app =>
            {
                app.MapNotesService();
                await app.MigrateDatabaseAsync<NotesDbContext>();
            },
            extra);

    /// <summary>Runs <paramref name="work"/> on the notes database, acting in <paramref name="workspaceId"/>.</summary>
    public static Task<T> InWorkspaceAsync<T>(this ServiceHost host, Guid workspaceId, Func<NotesDbContext, Task<T>> work, WorkspaceRole role = WorkspaceRole.Editor) =>
        host.InWorkspaceAsync<NotesDbContext, T>(workspaceId, work, role);
}
