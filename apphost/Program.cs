using Lodestar.AppHost;
using Lodestar.LocalInfrastructure;
using Lodestar.ServiceDefaults;
using Microsoft.Extensions.Logging;

using var loggerFactory = LoggerFactory.Create(logging => logging.AddSimpleConsole(o => o.SingleLine = true));
var logger = loggerFactory.CreateLogger("Lodestar.AppHost");
using var shutdown = new ShutdownSignal();

await using var infrastructure = await LocalServers.StartAsync(AppHostSettings.Infrastructure(), logger, shutdown.Token);
ResourceEnvironment.Print(infrastructure, Console.Out);

await using var strategy = await ServiceProcess.StartAsync(LodestarResources.Strategy, AppHostSettings.AssemblyOf<Lodestar.Strategy.Infrastructure.StrategyDbContext>(),
    ResourceEnvironment.ForService(infrastructure, LodestarResources.Strategy), AppHostSettings.HttpAddress(LodestarResources.Strategy), logger, shutdown.Token);

await using var backlog = await ServiceProcess.StartAsync(LodestarResources.Backlog, AppHostSettings.AssemblyOf<Lodestar.Backlog.Infrastructure.BacklogDbContext>(),
    ResourceEnvironment.ForService(infrastructure, LodestarResources.Backlog), AppHostSettings.HttpAddress(LodestarResources.Backlog), logger, shutdown.Token);

await using var discovery = await ServiceProcess.StartAsync(LodestarResources.Discovery, AppHostSettings.AssemblyOf<Lodestar.Discovery.Infrastructure.DiscoveryDbContext>(),
    ResourceEnvironment.ForService(infrastructure, LodestarResources.Discovery), AppHostSettings.HttpAddress(LodestarResources.Discovery), logger, shutdown.Token);

await using var metrics = await ServiceProcess.StartAsync(LodestarResources.Metrics, AppHostSettings.AssemblyOf<Lodestar.Metrics.Infrastructure.MetricsDbContext>(),
    ResourceEnvironment.ForService(infrastructure, LodestarResources.Metrics), AppHostSettings.HttpAddress(LodestarResources.Metrics), logger, shutdown.Token);

// Last: the gateway's health reports the services it fronts.
await using var gateway = await ServiceProcess.StartAsync(LodestarResources.Gateway, AppHostSettings.AssemblyOf<Lodestar.Gateway.Routing.Backend>(),
    ResourceEnvironment.ForService(infrastructure, LodestarResources.Gateway), AppHostSettings.HttpAddress(LodestarResources.Gateway), logger, shutdown.Token);

var (workspace, token) = DevelopmentAccess.Create(AppHostSettings.DataRoot);
await DevelopmentAccess.EnsureWorkspaceAsync(AppHostSettings.GrpcAddress(LodestarResources.Gateway), workspace, token, shutdown.Token);
Console.WriteLine($"""

    Lodestar is running. Press Ctrl+C to stop.
      gateway   REST {gateway.HttpAddress}  gRPC {AppHostSettings.GrpcAddress(LodestarResources.Gateway)}  (every service's API; reference at {gateway.HttpAddress}docs/)
      strategy  REST {strategy.HttpAddress}  gRPC {AppHostSettings.GrpcAddress(LodestarResources.Strategy)}
      backlog   REST {backlog.HttpAddress}  gRPC {AppHostSettings.GrpcAddress(LodestarResources.Backlog)}
      discovery REST {discovery.HttpAddress}  gRPC {AppHostSettings.GrpcAddress(LodestarResources.Discovery)}
      metrics   REST {metrics.HttpAddress}  gRPC {AppHostSettings.GrpcAddress(LodestarResources.Metrics)}
      workspace {workspace}
      export WS={workspace}
      export TOKEN={token}
    """);
await shutdown.WaitAsync();
logger.LogInformation("Stopping…");
