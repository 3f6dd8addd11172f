using BuildingBlocks.NotesService;
using Lodestar.LocalInfrastructure;
using Lodestar.Messaging;
using Lodestar.Persistence;
using Lodestar.Security;
using Lodestar.ServiceDefaults;
using Lodestar.Testing;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BuildingBlocks.FunctionalTests.Infrastructure;

/// <summary>
/// The notes service in the test process, composed by the same extensions as its Program.cs, on real Kestrel endpoints.
/// It can be stopped and started again on the same database.
/// </summary>
public sealed class NotesHost : IAsyncDisposable
{
    public const string SigningKey = "functional-tests-signing-key-0123456789abcdef";


    private NotesHost(WebApplication app, int httpPort, int grpcPort)
    {
        App = app;
        HttpAddress = new Uri($"http://127.0.0.1:{httpPort}");
        GrpcAddress = new Uri($"http://127.0.0.1:{grpcPort}");
    }

    public WebApplication App { get; }

    public Uri HttpAddress { get; }

    public Uri GrpcAddress { get; }

    public static DevTokenIssuer Tokens { get; } = new(SigningKey);

    public IServiceProvider Services => App.Services;

    /// <param name="dataPath">SQLite folder, used when <paramref name="database"/> is null.</param>
    /// <param name="database">A PostgreSQL connection string, or null for SQLite.</param>
    /// <param name="eventBus">An amqp:// connection string, or null for a host without messaging.</param>
    /// <param name="extra">More configuration, overriding the defaults.</param>
    public static async Task<NotesHost> StartAsync(string dataPath, string? database, string? eventBus, IDictionary<string, string?>? extra = null)
    {
        var (httpPort, grpcPort) = (FreePort.Next(), FreePort.Next());
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = dataPath });
        var settings = new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:http:Url"] = $"http://127.0.0.1:{httpPort}",
            ["Kestrel:Endpoints:grpc:Url"] = $"http://127.0.0.1:{grpcPort}",
            ["Lodestar:DataPath"] = dataPath,
            ["ConnectionStrings:notesdb"] = database,
            ["ConnectionStrings:eventbus"] = eventBus,
            ["Authentication:Jwt:SigningKey"] = SigningKey,
            ["Messaging:Outbox:PollInterval"] = "00:00:00.500",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Lodestar"] = "Information",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;
        builder.Configuration.AddInMemoryCollection(settings);

        builder.Logging.AddProvider(new FileLoggerProvider(Path.Combine(dataPath, "host.log")));
        builder.AddNotesService();

        var app = builder.Build();
        app.MapNotesService();
        await app.MigrateDatabaseAsync<NotesDbContext>();
        await app.StartAsync();
        if (eventBus is not null)
        {
            // Queues and bindings exist once the bus is healthy; events published earlier would find no queue.
            var health = await app.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(60));
            if (health != BusHealthStatus.Healthy) throw new InvalidOperationException($"The bus did not become healthy: {health}.");
        }
        return new NotesHost(app, httpPort, grpcPort);
    }

    /// <summary>Runs <paramref name="work"/> in a scope acting in <paramref name="workspaceId"/> with <paramref name="role"/>.</summary>
    public async Task<T> InWorkspaceAsync<T>(Guid workspaceId, Func<NotesDbContext, Task<T>> work, WorkspaceRole role = WorkspaceRole.Editor)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<WorkspaceContext>().Enter(workspaceId, role, "test");
        return await work(scope.ServiceProvider.GetRequiredService<NotesDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await App.StopAsync(CancellationToken.None);
        }
        finally
        {
            await App.DisposeAsync();
        }
    }
}
