using Lodestar.AppHost;
using Lodestar.AppHost.Dashboard;
using Lodestar.AppHost.Orchestration;
using Lodestar.LocalInfrastructure;
using Lodestar.ServiceDefaults;
using Microsoft.Extensions.Logging;

using var loggerFactory = LoggerFactory.Create(logging => logging.AddSimpleConsole(o => o.SingleLine = true));
var logger = loggerFactory.CreateLogger("Lodestar.AppHost");
using var shutdown = new ShutdownSignal();

await using var infrastructure = await LocalServers.StartAsync(AppHostSettings.Infrastructure(), logger, shutdown.Token);
ResourceEnvironment.Print(infrastructure, Console.Out);

var catalog = new ResourceCatalog();
foreach (var server in infrastructure.Servers) catalog.AddServer(server);
var (workspace, token) = DevelopmentAccess.Create(AppHostSettings.DataRoot);
var gatewayAddress = AppHostSettings.HttpAddress(LodestarResources.Gateway);
await using var dashboard = await DashboardServer.StartAsync(catalog,
    new DashboardLinks(gatewayAddress, new Uri(gatewayAddress, "/docs/"), workspace, token), AppHostSettings.DashboardAddress, shutdown.Token);
logger.LogInformation("Dashboard on {Address}", AppHostSettings.DashboardAddress);

await using var strategy = await StartAsync(LodestarResources.Strategy, AppHostSettings.AssemblyOf<Lodestar.Strategy.Infrastructure.StrategyDbContext>());

await using var backlog = await StartAsync(LodestarResources.Backlog, AppHostSettings.AssemblyOf<Lodestar.Backlog.Infrastructure.BacklogDbContext>());

await using var discovery = await StartAsync(LodestarResources.Discovery, AppHostSettings.AssemblyOf<Lodestar.Discovery.Infrastructure.DiscoveryDbContext>());

await using var metrics = await StartAsync(LodestarResources.Metrics, AppHostSettings.AssemblyOf<Lodestar.Metrics.Infrastructure.MetricsDbContext>());

// Last: the gateway's health reports the services it fronts.
await using var gateway = await StartAsync(LodestarResources.Gateway, AppHostSettings.AssemblyOf<Lodestar.Gateway.Routing.Backend>());

await DevelopmentAccess.EnsureWorkspaceAsync(AppHostSettings.GrpcAddress(LodestarResources.Gateway), workspace, token, shutdown.Token);
Console.WriteLine($"""

    Lodestar is running. Press Ctrl+C to stop.
      dashboard {AppHostSettings.DashboardAddress}
      gateway   {Endpoints(LodestarResources.Gateway)}  (every service's API; reference at {AppHostSettings.HttpAddress(LodestarResources.Gateway)}docs/)
      strategy  {Endpoints(LodestarResources.Strategy)}
      backlog   {Endpoints(LodestarResources.Backlog)}
      discovery {Endpoints(LodestarResources.Discovery)}
      metrics   {Endpoints(LodestarResources.Metrics)}
      workspace {workspace}
      export WS={workspace}
      export TOKEN={token}
    """);
await shutdown.WaitAsync();
logger.LogInformation("Stopping…");

// Each service is supervised: restarted with growing delays when it exits, stopped with the app host.
async Task<SupervisedProcess> StartAsync(string service, string assembly)
{
    var process = new SupervisedProcess(ServiceSpecs.For(service, assembly, ResourceEnvironment.ForService(infrastructure, service)), logger, Console.Out);
    catalog.AddService(process, new Dictionary<string, Uri> { ["http"] = AppHostSettings.HttpAddress(service), ["grpc"] = AppHostSettings.GrpcAddress(service) });
    await process.StartAsync(shutdown.Token);
    return process;
}

static string Endpoints(string service) => $"REST {AppHostSettings.HttpAddress(service)}  gRPC {AppHostSettings.GrpcAddress(service)}";
