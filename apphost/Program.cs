using Lodestar.AppHost;
using Lodestar.AppHost.Dashboard;
using Lodestar.AppHost.Orchestration;
using Lodestar.AppHost.Seeding;
using Lodestar.ServiceDefaults;
using Microsoft.Extensions.Logging;

using var loggerFactory = LoggerFactory.Create(logging => logging.AddSimpleConsole(o => o.SingleLine = true));
var logger = loggerFactory.CreateLogger("Lodestar.AppHost");
using var shutdown = new ShutdownSignal();
var options = AppHostSettings.Platform(Console.Out);
var seedDemo = SeedOption.WantsDemo(args);

await using var platform = await LodestarPlatform.StartInfrastructureAsync(options, logger, shutdown.Token);
ResourceEnvironment.Print(platform.Infrastructure, Console.Out);

var (workspace, token) = DevelopmentAccess.Create(AppHostSettings.DataRoot);
var gateway = options.HttpAddress(LodestarResources.Gateway);
await using var dashboard = await DashboardServer.StartAsync(platform.Catalog,
    new DashboardLinks(gateway, new Uri(gateway, "/docs/"), workspace, token), AppHostSettings.DashboardAddress, shutdown.Token);
logger.LogInformation("Dashboard on {Address}", AppHostSettings.DashboardAddress);

// Each service is supervised: restarted with growing delays when it exits, stopped with the app host.
await platform.StartServicesAsync(shutdown.Token);
await DevelopmentAccess.EnsureWorkspaceAsync(options.GrpcAddress(LodestarResources.Gateway), workspace, token, shutdown.Token);
Console.WriteLine($"""

    Lodestar is running. Press Ctrl+C to stop.
      dashboard {AppHostSettings.DashboardAddress}
      gateway   {Endpoints(LodestarResources.Gateway)}  (every service's API; reference at {gateway}docs/)
      strategy  {Endpoints(LodestarResources.Strategy)}
      backlog   {Endpoints(LodestarResources.Backlog)}
      discovery {Endpoints(LodestarResources.Discovery)}
      metrics   {Endpoints(LodestarResources.Metrics)}
      workspace {workspace}
      export WS={workspace}
      export TOKEN={token}
    """);
if (seedDemo) await DemoSeeding.RunAsync(options.GrpcAddress(LodestarResources.Gateway), workspace, token, logger, shutdown.Token);
await shutdown.WaitAsync();
logger.LogInformation("Stopping…");

string Endpoints(string service) => $"REST {options.HttpAddress(service)}  gRPC {options.GrpcAddress(service)}";
