using System.Globalization;
using System.Text;
using Grpc.Core;
using Lodestar.ServiceDefaults;

namespace EndToEnd.Tests.Reliability;

/// <summary>
/// A bounded soak: mixed traffic (reads, writes, ingestion) through the gateway at a steady rate for
/// LODESTAR_SOAK_SECONDS (60 s in CI; scripts/soak runs 300 s): no call fails, every ingested event is stored, and
/// each process's resident memory is flat once warmed up (the last third of the run against the middle third).
/// </summary>
[Collection(FaultPlatform.Name)]
public sealed class SoakTests(FaultPlatformFixture fixture)
{
    private const string Admin = "soak-admin";
    // The soak checks steadiness (no failure, flat memory), not throughput, which the benchmarks measure: 50 ticks/s
    // leaves the 2-core CI machine headroom even on a slow day (at 100 it sustained 66 calls/s on 2026-12-07, with the
    // home-made app host and with Aspire alike).
    private const int RatePerSecond = 50;
    private const int Workers = 10;
    // Flat: what a process holds in the last third is within 15% (and 24 MB) of what it held in the middle third.
    private const double GrowthAllowed = 1.15;
    private const double GrowthFloorMegabytes = 24;
    private const double SteadinessFloor = 0.5;

    [Fact]
    public async Task Steady_mixed_traffic_runs_without_an_error_and_memory_stays_flat_after_warm_up()
    {
        var duration = TimeSpan.FromSeconds(int.Parse(Environment.GetEnvironmentVariable("LODESTAR_SOAK_SECONDS") ?? "60", CultureInfo.InvariantCulture));
        var (workspace, _, product) = await fixture.NewProductAsync(Admin, "Soak");

        var traffic = new SoakTraffic(fixture.Invoker(Admin, workspace), product.Name);
        var memory = new MemorySampler(fixture.Services);
        using var stop = new CancellationTokenSource(duration);
        var sampling = memory.RunAsync(TimeSpan.FromSeconds(2), stop.Token);
        // Each worker ticks at its share of the rate; a slow call delays its worker's next tick instead of piling calls up.
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(async worker =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Workers / (double)RatePerSecond));
            for (var operation = worker; await Ticks.NextAsync(timer, stop.Token); operation += Workers) await traffic.RunAsync(operation);
        }));
        await sampling;

        var outcomes = traffic.Calls.Outcomes.ToList();
        TestContext.Current.SendDiagnosticMessage(Report(outcomes, memory, duration));
        var failed = outcomes.Where(o => o.Status != StatusCode.OK).ToList();
        Assert.True(failed.Count == 0, $"{failed.Count} of {outcomes.Count} calls failed: {traffic.Calls.Summary()}");
        // Steady rather than fast: the traffic kept flowing to the end, the last third completing at least half the calls
        // of the middle third (a rate floor failed a clean-clone run at 29 calls/s on a busy machine, which measures the
        // machine, not the platform).
        var third = duration / 3;
        var (middleCalls, lastCalls) = (outcomes.Count(o => o.StartedAt >= third && o.StartedAt < 2 * third), outcomes.Count(o => o.StartedAt >= 2 * third));
        Assert.True(middleCalls > 0 && lastCalls >= middleCalls * SteadinessFloor, $"{middleCalls} calls in the middle third, {lastCalls} in the last");
        Assert.Equal(traffic.EventsSent, await fixture.Databases.CountAsync(LodestarResources.Metrics, "events", workspace));
        foreach (var process in memory.Samples.Keys)
        {
            var (_, middle, last) = memory.Thirds(process, duration);
            Assert.True(last <= Math.Max(middle * GrowthAllowed, middle + GrowthFloorMegabytes), $"{process} grew from {middle:0} MB to {last:0} MB after warm-up");
        }
    }

    /// <summary>The figures docs/reliability.md records: calls and latency per RPC, memory per process by thirds.</summary>
    private static string Report(List<CallOutcome> outcomes, MemorySampler memory, TimeSpan duration)
    {
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"soak {duration.TotalSeconds:0} s: {outcomes.Count} calls ({outcomes.Count / duration.TotalSeconds:0.0}/s), {outcomes.Count(o => o.Status != StatusCode.OK)} failed");
        report.AppendLine("| RPC | calls | p50 ms | p99 ms | max ms |");
        foreach (var rpc in outcomes.GroupBy(o => o.Rpc).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var ms = rpc.Select(o => o.Elapsed.TotalMilliseconds).Order().ToList();
            report.AppendLine(CultureInfo.InvariantCulture, $"| {rpc.Key} | {ms.Count} | {ms[ms.Count / 2]:0.0} | {ms[(int)(ms.Count * 0.99)]:0.0} | {ms[^1]:0.0} |");
        }
        report.AppendLine("| process | RSS first third MB | middle third MB | last third MB |");
        foreach (var process in memory.Samples.Keys.Order(StringComparer.Ordinal))
        {
            var (first, middle, last) = memory.Thirds(process, duration);
            report.AppendLine(CultureInfo.InvariantCulture, $"| {process} | {first:0} | {middle:0} | {last:0} |");
        }
        return report.ToString();
    }
}
