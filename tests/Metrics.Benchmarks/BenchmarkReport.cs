using System.Globalization;
using System.Text;
using Lodestar.Benchmarking;

namespace Lodestar.Metrics.Benchmarks;

/// <summary>The metrics section of docs/benchmarks.md.</summary>
public static class BenchmarkReport
{
    public static IEnumerable<SummaryRow> Summary(BenchmarkOptions options, IReadOnlyList<IngestionResult> ingestion, IReadOnlyList<QueryResult> queries)
    {
        foreach (var result in ingestion)
        {
            var ratio = Statistics.Median([.. result.StreamRates.Zip(result.BaselineRates, (s, b) => s / b)]);
            yield return new SummaryRow($"Ingestion ({result.Provider}): events/s durably acknowledged", $"{Statistics.Median(result.StreamRates):N0}/s",
                $"{result.StreamRates.Min():N0}–{result.StreamRates.Max():N0}", $"{Statistics.Median(result.BaselineRates):N0}/s raw storage", SummaryRow.Ratio2(ratio), "≥ 0.50", ratio >= 0.5);
        }
        foreach (var query in queries)
            yield return new SummaryRow($"Query over {options.QueryUsers:N0} users × {options.QueryDays} days: {query.Query}", $"{query.Latency.MedianMs:0.0} ms",
                $"p95 {query.Latency.P95Ms:0.0} ms", $"{query.InMemoryMs:0} ms counted in memory", query.InMemoryMs >= 1 ? $"{query.Latency.MedianMs / query.InMemoryMs:0.00}× the time" : "—",
                "< 100 ms, exact", query.Exact && query.Latency.MedianMs < 100);
    }

    public static string Section(BenchmarkOptions options, IReadOnlyList<IngestionResult> ingestion, IReadOnlyList<QueryResult> queries)
    {
        var text = new StringBuilder();
        text.AppendLine("## Metrics: ingestion and analytics queries");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{Machine.Describe()} `dotnet run -c Release --project tests/Metrics.Benchmarks` (options: `--events`, `--users`, `--rounds`, `--query-users`, `--providers`).");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"**Ingestion**: {options.Rounds} rounds of {options.Events:N0} events from {options.Users:N0} users, sent over `StreamEvents` in messages of 1,000 and acknowledged once durable, alternating with the baseline: the same rows inserted directly in batches of 1,000 into the same tables and the same Redis commands pipelined (no gRPC, validation, duplicate check or product lock). Events per second, median of the rounds [min–max]; the ratio is the median of each round's stream ÷ baseline. Aim: at least half the baseline.");
        text.AppendLine();
        text.AppendLine("| provider | StreamEvents | baseline | ratio |");
        text.AppendLine("|---|---|---|---|");
        foreach (var result in ingestion)
        {
            var (stream, direct) = (Statistics.Median(result.StreamRates), Statistics.Median(result.BaselineRates));
            var ratio = Statistics.Median([.. result.StreamRates.Zip(result.BaselineRates, (s, b) => s / b)]);
            text.AppendLine(CultureInfo.InvariantCulture, $"| {result.Provider} | {stream:N0} [{result.StreamRates.Min():N0}–{result.StreamRates.Max():N0}] | {direct:N0} [{result.BaselineRates.Min():N0}–{result.BaselineRates.Max():N0}] | {ratio:0.00} |");
        }
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"**Queries** over {options.QueryUsers:N0} users × {options.QueryDays} days (bitmaps loaded into Redis), over gRPC, {options.Queries} calls × 3 rounds after a warm-up; \"exact\" compares every figure with the same dataset counted user by user in memory (whose time is the last column). Aim: each under 100 ms.");
        text.AppendLine();
        text.AppendLine("| query | median | p95 | exact | in-memory count |");
        text.AppendLine("|---|---|---|---|---|");
        foreach (var query in queries)
            text.AppendLine(CultureInfo.InvariantCulture, $"| {query.Query} | {query.Latency.MedianMs:0.0} ms | {query.Latency.P95Ms:0.0} ms | {(query.Exact ? "yes" : "**no**")} | {query.InMemoryMs:0} ms |");
        return text.ToString();
    }

}
