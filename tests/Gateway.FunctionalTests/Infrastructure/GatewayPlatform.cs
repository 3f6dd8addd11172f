using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Lodestar.Gateway.Extensions;
using Lodestar.Metrics.Extensions;
using Lodestar.Metrics.Infrastructure;
using Lodestar.Persistence;
using Lodestar.Security;
using Lodestar.ServiceDefaults;
using Lodestar.Strategy.Extensions;
using Lodestar.Strategy.Infrastructure;

namespace Gateway.FunctionalTests.Infrastructure;

/// <summary>
/// Strategy and metrics on loopback, sharing one virtual host (so strategy's products reach metrics), and the gateway in
/// front of them, configured with their addresses the way the app host and the chart configure it.
/// </summary>
public sealed class GatewayPlatform(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("lodestar-gateway-").FullName;
    private readonly List<ServiceHost> _hosts = [];

    /// <summary>The gateway's body limit in these tests.</summary>
    public const int MaxBody = 1024 * 1024;

    public ServiceHost Gateway { get; private set; } = null!;

    public GrpcChannel Channel { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var eventBus = await infrastructure.NewVirtualHostAsync("gateway");
        var strategy = await ServiceHost.StartAsync(LodestarResources.Strategy, Folder("strategy"), null, eventBus,
            builder => builder.AddStrategyService(),
            async app =>
            {
                app.MapStrategyService();
                await app.MigrateDatabaseAsync<StrategyDbContext>();
            });
        var metrics = await ServiceHost.StartAsync(LodestarResources.Metrics, Folder("metrics"), null, eventBus,
            builder => builder.AddMetricsService(),
            async app =>
            {
                app.MapMetricsService();
                await app.MigrateDatabaseAsync<MetricsDbContext>();
            },
            new Dictionary<string, string?>
            {
                ["ConnectionStrings:redis"] = infrastructure.Redis.ConnectionString,
                ["Metrics:RedisKeyPrefix"] = InfrastructureFixture.NewKeyPrefix("gateway"),
            });
        _hosts.AddRange([strategy, metrics]);
        var settings = new Dictionary<string, string?> { ["Gateway:Limits:MaxRequestBodyBytes"] = MaxBody.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        foreach (var (name, host) in new[] { (LodestarResources.Strategy, strategy), (LodestarResources.Metrics, metrics) })
        {
            settings[$"services:{name}:http:0"] = host.HttpAddress.ToString();
            settings[$"services:{name}:grpc:0"] = host.GrpcAddress.ToString();
        }
        Gateway = await ServiceHost.StartAsync(LodestarResources.Gateway, Folder("gateway"), null, null,
            builder => builder.AddGateway(),
            app =>
            {
                app.MapGateway();
                return Task.CompletedTask;
            },
            settings);
        Channel = GrpcChannel.ForAddress(Gateway.GrpcAddress);
    }

    /// <summary>Calls through the gateway acting in <paramref name="workspace"/> as an editor.</summary>
    public CallInvoker Invoker(Guid workspace) => WorkspaceCalls.Invoker(Channel, workspace);

    /// <summary>REST through the gateway acting in <paramref name="workspace"/> as an editor.</summary>
    public HttpClient Rest(Guid workspace) => WorkspaceCalls.Rest(Gateway.HttpAddress, workspace);

    private string Folder(string name) => Directory.CreateDirectory(Path.Combine(_folder, name)).FullName;

    public async ValueTask DisposeAsync()
    {
        Channel?.Dispose();
        if (Gateway is not null) await Gateway.DisposeAsync();
        foreach (var host in _hosts) await host.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may hold a file a moment longer; the folder is under the temp path.
        }
    }
}
