using Lodestar.AppHost;
using Lodestar.LocalInfrastructure;
using Microsoft.Extensions.Logging;

using var loggerFactory = LoggerFactory.Create(logging => logging.AddSimpleConsole(o => o.SingleLine = true));
var logger = loggerFactory.CreateLogger("Lodestar.AppHost");
using var shutdown = new ShutdownSignal();

await using var infrastructure = await LocalServers.StartAsync(AppHostSettings.Infrastructure(), logger, shutdown.Token);
ResourceEnvironment.Print(infrastructure, Console.Out);

logger.LogInformation("Lodestar infrastructure is running. Press Ctrl+C to stop.");
await shutdown.WaitAsync();
logger.LogInformation("Stopping…");
