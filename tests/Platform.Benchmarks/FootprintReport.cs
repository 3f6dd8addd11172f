using System.Globalization;
using System.Text;
using Lodestar.Benchmarking;

namespace Lodestar.Platform.Benchmarks;

/// <summary>The footprint section of docs/benchmarks.md.</summary>
public static class FootprintReport
{
    private const double ServiceAimMb = 150;
    private const string EmptyHostGroup = "empty host";

    public static string Section(FootprintResult r)
    {
        var o = r.Options;
        var text = new StringBuilder();
        text.AppendLine("## Footprint: start-up and memory");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{Machine.Describe()} `dotnet run -c Release --project tests/Platform.Benchmarks` (options: `--restarts`, `--settle-seconds`, `--load-seconds`, `--callers`, `--streams`).");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"The harness types what a developer types after a build, `dotnet run -c Release --no-build --project apphost` (the CLI's up-to-date check of the Aspire app host's project graph took over two minutes here, and is a build's cost, not the platform's), on an empty data folder and then {o.Restarts} times on the kept data, and times each run to the moment the app host prints that Lodestar is running (the gateway reported healthy, and it waits for every service to be healthy first); \"infrastructure answering\" is when RabbitMQ, Redis and PostgreSQL first accept connections (polled every 50 ms). The app host is the .NET Aspire app host: DCP starts every process, each service through `dotnet run --no-build` (listed as the service launchers), and the Aspire dashboard runs beside them. The baseline is an empty ASP.NET Core host (Kestrel on an HTTP and an h2c port, gRPC registered, `/health`), started the same way from this harness's project. Memory is read from `/proc` for every process of the run: RSS, and PSS, which divides shared pages among the processes sharing them, so the platform's total counts PostgreSQL's shared buffers and the .NET runtime's mapped files once. Idle is the median of 5 readings taken {o.SettleSeconds} s after all are healthy; under load is the peak of readings every 0.5 s while {o.Callers} callers send `GetProduct` and {o.Streams} streams send `StreamEvents` (messages of 1,000 events) through the gateway for {o.LoadSeconds} s. Aim: each service under {ServiceAimMb:0} MB idle.");
        text.AppendLine();
        text.AppendLine("| start | infrastructure answering | all services healthy |");
        text.AppendLine("|---|---|---|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| first start, empty data folder (databases created, migrations applied) | {r.InfrastructureSeconds:0.0} s | {r.Platform.FreshSeconds:0.0} s |");
        if (r.Platform.RestartSeconds.Count > 0)
            text.AppendLine(CultureInfo.InvariantCulture, $"| restart on kept data, median [min–max] of {r.Platform.RestartSeconds.Count} | | {r.Platform.MedianRestart:0.0} s [{r.Platform.RestartSeconds.Min():0.0}–{r.Platform.RestartSeconds.Max():0.0}] |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| empty ASP.NET Core host (baseline), median [min–max] of {EmptyStarts(r).Count} | | {Statistics.Median(EmptyStarts(r)):0.0} s [{EmptyStarts(r).Min():0.0}–{EmptyStarts(r).Max():0.0}] |");
        text.AppendLine();
        text.AppendLine("| process | idle RSS, median [min–max] | idle PSS | under load: peak RSS | peak PSS | under the aim |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var group in Groups(r))
        {
            var (idle, range) = (r.Idle.Median(group), r.Idle.RssRange(group));
            var peak = r.Loaded.Groups.Contains(group) ? r.Loaded.Peak(group) : (ProcessMemory?)null;
            var aim = IsService(group) ? idle.RssMb < ServiceAimMb ? "yes" : "**no**" : "";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {group} | {idle.RssMb:0} MB [{range.Min:0}–{range.Max:0}] | {idle.PssMb:0} MB | {Mb(peak?.RssMb)} | {Mb(peak?.PssMb)} | {aim} |");
        }
        text.AppendLine(CultureInfo.InvariantCulture, $"| **whole platform** (PSS sum, without the CLI) | | **{Statistics.Median(r.Idle.PlatformPss):0} MB** | | **{Max(r.Loaded.PlatformPss):0} MB** | |");
        var empty = r.EmptyHostIdle.Median(EmptyHostGroup);
        text.AppendLine(CultureInfo.InvariantCulture, $"| empty ASP.NET Core host (baseline) | {empty.RssMb:0} MB | {empty.PssMb:0} MB | | | |");
        text.AppendLine();
        var load = r.Load;
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Load achieved while sampling: {load.CallsPerSecond:N0} `GetProduct` calls/s and {load.EventsPerSecond:N0} events/s acknowledged over {load.Duration.TotalSeconds:0} s, {load.Errors} errors{(load.FirstError is null ? "" : $" (first: {load.FirstError})")}. The `dotnet run` CLI stays resident while the app host runs; it is listed but is not part of the platform.");
        return text.ToString();
    }

    public static IEnumerable<SummaryRow> Summary(FootprintResult r)
    {
        var emptyStart = Statistics.Median(EmptyStarts(r));
        if (r.Platform.RestartSeconds.Count > 0)
            yield return new SummaryRow("Start-up: `dotnet run --project apphost` → all healthy (kept data)", $"{r.Platform.MedianRestart:0.0} s",
                $"{r.Platform.RestartSeconds.Min():0.0}–{r.Platform.RestartSeconds.Max():0.0} s", $"{emptyStart:0.0} s empty host", $"{r.Platform.MedianRestart / emptyStart:0.0}× the time", "—", null);
        yield return new SummaryRow("Start-up: first run, empty data folder", $"{r.Platform.FreshSeconds:0.0} s", "one run", $"{emptyStart:0.0} s empty host",
            $"{r.Platform.FreshSeconds / emptyStart:0.0}× the time", "—", null);
        var empty = r.EmptyHostIdle.Median(EmptyHostGroup).RssMb;
        foreach (var service in PlatformEnvironment.ServiceNames.Where(r.Idle.Groups.Contains))
        {
            var (idle, range) = (r.Idle.Median(service).RssMb, r.Idle.RssRange(service));
            yield return new SummaryRow($"Memory idle: {service} (RSS)", $"{idle:0} MB", $"{range.Min:0}–{range.Max:0} MB", $"{empty:0} MB empty host",
                SummaryRow.Ratio2(idle / empty), $"< {ServiceAimMb:0} MB", idle < ServiceAimMb);
        }
        yield return new SummaryRow("Memory: whole platform idle (PSS)", $"{Statistics.Median(r.Idle.PlatformPss):0} MB", $"{r.Idle.PlatformPss.Min():0}–{r.Idle.PlatformPss.Max():0} MB",
            $"{empty:0} MB empty host", "—", "—", null);
        yield return new SummaryRow("Memory: whole platform under load (peak PSS)", $"{Max(r.Loaded.PlatformPss):0} MB", $"idle {Statistics.Median(r.Idle.PlatformPss):0} MB",
            $"{empty:0} MB empty host", "—", "—", null);
    }

    private static List<double> EmptyStarts(FootprintResult r) => [r.EmptyHost.FreshSeconds, .. r.EmptyHost.RestartSeconds];

    private static bool IsService(string group) => PlatformEnvironment.IsService(group);

    /// <summary>The app host, the services in start order, the infrastructure, then anything else; the CLI last.</summary>
    private static IEnumerable<string> Groups(FootprintResult r)
    {
        string[] known = ["app host", "DCP (orchestrator)", "Aspire dashboard", .. PlatformEnvironment.ServiceNames, "dotnet run (service launchers)", "RabbitMQ", "Redis", "PostgreSQL"];
        var present = r.Idle.Groups.ToList();
        return [.. known.Where(present.Contains), .. present.Where(g => !known.Contains(g) && g != MemorySamples.Launcher).Order(StringComparer.Ordinal),
            .. present.Where(g => g == MemorySamples.Launcher)];
    }

    private static string Mb(double? value) => value is { } mb ? $"{mb:0} MB" : "";


    private static double Max(IReadOnlyList<double> values) => values.Count == 0 ? double.NaN : values.Max();
}
