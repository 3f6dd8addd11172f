using System.Globalization;
using System.Text;
using Lodestar.Benchmarking;

namespace Lodestar.Gateway.Benchmarks;

/// <summary>The gateway section of docs/benchmarks.md.</summary>
public static class OverheadReport
{
    public static IEnumerable<SummaryRow> Summary((Measurement Direct, Measurement Gateway) loaded, (Measurement Direct, Measurement Gateway) unloaded)
    {
        var (direct, gateway) = loaded;
        var ratio = Median(direct, gateway);
        yield return new SummaryRow("Gateway: unary calls/s through the gateway", $"{gateway.MedianThroughput:N0}/s", $"{gateway.MinThroughput:N0}–{gateway.MaxThroughput:N0}",
            $"{direct.MedianThroughput:N0}/s direct", SummaryRow.Ratio2(ratio), "≥ 0.60", ratio >= 0.6);
        var added = unloaded.Gateway.MedianMs - unloaded.Direct.MedianMs;
        yield return new SummaryRow("Gateway: added p50 latency, one caller", $"{added:0.00} ms (p50 {unloaded.Gateway.MedianMs:0.00} ms)",
            $"p99 {unloaded.Gateway.P99Ms:0.00} ms", $"p50 {unloaded.Direct.MedianMs:0.00} ms direct", SummaryRow.Ratio2(unloaded.Gateway.MedianMs / unloaded.Direct.MedianMs), "< 0.5 ms added", added < 0.5);
    }

    private static double Median(Measurement direct, Measurement gateway)
    {
        var ratios = direct.RoundThroughputs.Zip(gateway.RoundThroughputs, (d, g) => g / d).Order().ToList();
        return ratios[ratios.Count / 2];
    }

    public static string Section(
        OverheadOptions options, (Measurement Direct, Measurement Gateway) loaded, OverheadOptions oneCaller, (Measurement Direct, Measurement Gateway) unloaded)
    {
        var (direct, gateway) = loaded;
        var text = new StringBuilder();
        text.AppendLine("## Gateway overhead");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{Machine.Describe()} `dotnet run -c Release --project tests/Gateway.Benchmarks` (options: `--calls`, `--concurrency`, `--rounds`).");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Unary `GetProduct` (strategy, SQLite) from one client with {options.Concurrency} concurrent callers, {options.Rounds} alternating rounds of {options.Calls:N0} calls per path after a warm-up; client, gateway and service share the machine's cores. Through the gateway each call also pays for all the edge's work: the user's token (verified once, then remembered), the membership and a rate-limit token in one Redis script, the unary request's check (framing, protobuf), the forwarded token, and the proxy hop. Aim: at least 0.6 of the direct throughput and under 0.5 ms added at p50.");
        text.AppendLine();
        text.AppendLine("| path | calls/s (median [min–max]) | p50 | p99 |");
        text.AppendLine("|---|---|---|---|");
        foreach (var m in new[] { direct, gateway })
            text.AppendLine(CultureInfo.InvariantCulture, $"| {m.Name} | {m.MedianThroughput:N0} [{m.MinThroughput:N0}–{m.MaxThroughput:N0}] | {m.MedianMs:0.00} ms | {m.P99Ms:0.00} ms |");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Throughput ratio (median of per-round gateway ÷ direct): **{Median(direct, gateway):0.00}**; latency added under this load: p50 {gateway.MedianMs - direct.MedianMs:0.00} ms, p99 {gateway.P99Ms - direct.P99Ms:0.00} ms.");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"One caller ({oneCaller.Rounds} rounds of {oneCaller.Calls:N0} calls): direct p50 {unloaded.Direct.MedianMs:0.00} ms, p99 {unloaded.Direct.P99Ms:0.00} ms; gateway p50 {unloaded.Gateway.MedianMs:0.00} ms, p99 {unloaded.Gateway.P99Ms:0.00} ms; **added p50 {unloaded.Gateway.MedianMs - unloaded.Direct.MedianMs:0.00} ms**, p99 {unloaded.Gateway.P99Ms - unloaded.Direct.P99Ms:0.00} ms.");
        return text.ToString();
    }
}
