using Lodestar.LocalInfrastructure;
using Lodestar.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lodestar.Testing;

/// <summary>
/// A Lodestar service in the test process, composed by the same extensions as its Program.cs, on real Kestrel
/// endpoints (http and grpc) with test settings: a shared signing key, its own data folder, and the given database and
/// broker. It can be stopped and started again on the same database.
/// </summary>
public sealed class ServiceHost : IAsyncDisposable
{
    public const string SigningKey = "functional-tests-signing-key-0123456789abcdef";

    private ServiceHost(WebApplication app, int httpPort, int grpcPort)
    {
        App = app;
        HttpAddress = new Uri($"http://127.0.0.1:{httpPort}");
        GrpcAddress = new Uri($"http://127.0.0.1:{grpcPort}");
    }

    /// <summary>Issues tokens the hosts accept.</summary>
    public static DevTokenIssuer Tokens { get; } = new(SigningKey);

    public WebApplication App { get; }

    public Uri HttpAddress { get; }

    public Uri GrpcAddress { get; }

    public IServiceProvider Services => App.Services;

    /// <param name="service">The service's name: its database is ConnectionStrings:{service}db.</param>
    /// <param name="dataPath">Data folder (SQLite databases, host.log).</param>
    /// <param name="database">A PostgreSQL connection string, or null for SQLite.</param>
    /// <param name="eventBus">An amqp:// connection string, or null for a host without messaging.</param>
    /// <param name="compose">Adds the service (its AddXService extension).</param>
    /// <param name="mapAndMigrate">Maps the service's endpoints and migrates its database.</param>
    /// <param name="extra">More configuration, overriding the defaults.</param>
    public static async Task<ServiceHost> StartAsync(
        string service,
        string dataPath,
        string? database,
        string? eventBus,
        Action<WebApplicationBuilder> compose,
        Func<WebApplication, Task> mapAndMigrate,
        IDictionary<string, string?>? extra = null)
    {
        var (httpPort, grpcPort) = (FreePort.Next(), FreePort.Next());
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = dataPath });
        var settings = new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:http:Url"] = $"http://127.0.0.1:{httpPort}",
            ["Kestrel:Endpoints:grpc:Url"] = $"http://127.0.0.1:{grpcPort}",
            ["Lodestar:DataPath"] = dataPath,
            [$"ConnectionStrings:{service}db"] = database,
            ["ConnectionStrings:eventbus"] = eventBus,
            ["Authentication:Jwt:SigningKey"] = SigningKey,
            ["Messaging:Outbox:PollInterval"] = "00:00:00.500",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Lodestar"] = "Information",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddProvider(new FileLoggerProvider(Path.Combine(dataPath, "host.log")));
        compose(builder);

        var app = builder.Build();
        await mapAndMigrate(app);
        await app.StartAsync();
        var host = new ServiceHost(app, httpPort, grpcPort);
        if (eventBus is not null) await host.WaitUntilHealthyAsync(); // queues are bound once the bus is healthy
        return host;
    }

    /// <summary>Runs <paramref name="work"/> in a scope acting in <paramref name="workspaceId"/> with <paramref name="role"/>.</summary>
    public async Task<T> InWorkspaceAsync<TContext, T>(Guid workspaceId, Func<TContext, Task<T>> work, WorkspaceRole role = WorkspaceRole.Editor)
        where TContext : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<WorkspaceContext>().Enter(workspaceId, role, "test");
        return await work(scope.ServiceProvider.GetRequiredService<TContext>());
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = HttpAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        string last = "";
        while (DateTime.UtcNow < deadline)
        {
            // A check slower than one attempt's timeout (a busy machine, a health check still connecting) is tried again
            // until the deadline rather than failing the fixture: a clean-clone run lost a suite to one 5 s wait.
            try
            {
                using var response = await http.GetAsync(new Uri("/health", UriKind.Relative));
                last = await response.Content.ReadAsStringAsync();
                if (last == "Healthy") return;
            }
            catch (TaskCanceledException)
            {
                last = "no answer within 5 s";
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The service did not become healthy within 60 s: {last}.");
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
