using System.Diagnostics;
using Lodestar.Benchmarking;
using Lodestar.LocalInfrastructure;
using Lodestar.Platform.Benchmarks;
using Lodestar.ServiceDefaults;

// The platform's footprint as a developer starts it: `dotnet run -c Release --no-build --project apphost` on an empty data folder,
// then restarts on the kept data, each timed to all services healthy; every process's memory idle and under the load of
// the gateway and ingestion benchmarks; an empty ASP.NET Core gRPC host started the same way is the baseline. Writes the
// footprint section of docs/benchmarks.md.
var arguments = new Arguments(args);
if (args.Contains(EmptyHost.Flag))
{
    await EmptyHost.RunAsync(arguments.Number("--http", 0), arguments.Number("--grpc", 0));
    return;
}
var options = new FootprintOptions(arguments.Number("--restarts", 3), arguments.Number("--settle-seconds", 20), arguments.Number("--load-seconds", 30),
    arguments.Number("--callers", 16), arguments.Number("--streams", 2));
var root = ReportFile.RepositoryRoot();
var (idle, loaded, emptyIdle) = (new MemorySamples(), new MemorySamples(), new MemorySamples());
using var environment = PlatformEnvironment.Create();

double fresh, infrastructure;
LoadFigures load;
await using (var run = await AppHostRun.StartAsync(root, environment))
{
    (fresh, infrastructure) = (run.AllHealthy.TotalSeconds, run.InfrastructureReady.TotalSeconds);
    Console.WriteLine($"fresh start: infrastructure {infrastructure:0.0} s, all healthy {fresh:0.0} s");
    await Task.Delay(TimeSpan.FromSeconds(options.SettleSeconds));
    for (var i = 0; i < 5; i++, await Task.Delay(1_000)) idle.Sample(run.ProcessGroups());

    using var traffic = new PlatformLoad(new Uri($"http://127.0.0.1:{LodestarResources.DefaultPorts(LodestarResources.Gateway).Grpc}"), run.Access);
    await traffic.PrepareAsync();
    using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(options.LoadSeconds));
    var clock = Stopwatch.StartNew();
    var running = traffic.RunAsync(options.Callers, options.Streams, stop.Token);
    while (!running.IsCompleted)
    {
        loaded.Sample(run.ProcessGroups());
        await Task.WhenAny(running, Task.Delay(500));
    }
    await running;
    load = new LoadFigures(traffic.Calls, traffic.Events, traffic.Errors, traffic.FirstError, clock.Elapsed);
    Console.WriteLine($"under load: {load.CallsPerSecond:N0} calls/s, {load.EventsPerSecond:N0} events/s, {load.Errors} errors");
}

var restarts = new List<double>();
for (var i = 0; i < options.Restarts; i++)
{
    await using var run = await AppHostRun.StartAsync(root, environment);
    restarts.Add(run.AllHealthy.TotalSeconds);
    Console.WriteLine($"restart {i + 1}: all healthy {run.AllHealthy.TotalSeconds:0.0} s");
}

var emptyStarts = new List<double>();
for (var i = 0; i <= options.Restarts; i++)
{
    var (host, healthy) = await EmptyHost.StartAsync(root, FreePort.Next(), FreePort.Next());
    await using (host)
    {
        emptyStarts.Add(healthy.TotalSeconds);
        if (i > 0) continue;
        await Task.Delay(TimeSpan.FromSeconds(options.SettleSeconds));
        for (var s = 0; s < 5; s++, await Task.Delay(1_000)) emptyIdle.Sample(new Dictionary<string, IReadOnlyList<int>> { ["empty host"] = [host.ProgramId ?? host.LauncherId] });
    }
}

var result = new FootprintResult(options, new StartTimes(fresh, restarts), infrastructure, idle, loaded, load,
    new StartTimes(emptyStarts[0], emptyStarts.Skip(1).ToList()), emptyIdle);
ReportFile.WriteSection(arguments.Text("--report", ReportFile.DefaultPath), "footprint", FootprintReport.Section(result), FootprintReport.Summary(result));
