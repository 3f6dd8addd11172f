using System.Globalization;
using System.Text;
using Lodestar.Benchmarking;

namespace Lodestar.Backlog.Benchmarks;

/// <summary>Writes the ranking figures into their section of docs/benchmarks.md, leaving other sections alone.</summary>
public static class BenchmarkReport
{
    public static void Write(string path, RankingResult result) => ReportFile.WriteSection(path, "backlog-ranking", Section(result), SummaryRows(result));

    private static IEnumerable<SummaryRow> SummaryRows(RankingResult r)
    {
        yield return new SummaryRow($"Ranking: top {r.Options.Top} of {r.Options.Items:N0} items over gRPC", $"{r.Grpc.MedianMs:0.00} ms", $"p5–p95 {r.Grpc.P5Ms:0.00}–{r.Grpc.P95Ms:0.00} ms",
            $"{r.Linq.MedianMs:0.00} ms in-process sort", $"{Ratio(r):0.00}× the time", $"same top {r.Options.Top}; < 100 ms", r.SameTop && r.Grpc.MedianMs < 100);
        yield return new SummaryRow($"Ranking: creates into one crowded spot of {r.Options.Items:N0} items", $"{r.CrowdedLarge.MedianThroughput:0} creates/s",
            $"p99 {r.CrowdedLarge.P99Ms:0.0} ms, max {r.CrowdedLarge.LatenciesMs.Max():0} ms", $"{r.CrowdedSmall.MedianThroughput:0} creates/s into {RankingBenchmark.SmallBacklog} items",
            $"{CrowdedRatio(r):0.00}× the time", "≤ 2× the time", CrowdedRatio(r) <= 2);
    }

    /// <summary>Time per create in the large backlog ÷ in the small one (by median round throughput).</summary>
    private static double CrowdedRatio(RankingResult r) => r.CrowdedSmall.MedianThroughput / r.CrowdedLarge.MedianThroughput;

    public static string Summary(RankingResult result) => string.Create(CultureInfo.InvariantCulture,
        $"top {result.Options.Top} of {result.Options.Items:N0}: gRPC median {result.Grpc.MedianMs:F2} ms, LINQ median {result.Linq.MedianMs:F2} ms, ratio {Ratio(result):F1}×, same top: {result.SameTop}");

    private static double Ratio(RankingResult result) => result.Grpc.MedianMs / result.Linq.MedianMs;

    private static string Section(RankingResult r)
    {
        var text = new StringBuilder();
        var o = r.Options;
        text.AppendLine("## Backlog: top 100 of a 100,000-item ranked backlog");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Command: `dotnet run -c Release --project tests/Backlog.Benchmarks` (options `--items {o.Items} --top {o.Top} --calls {o.Calls} --crowded {o.Crowded} --rounds {o.Rounds}`).");
        text.AppendLine(Machine.Describe());
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"One product with {o.Items:N0} RICE-scored items (seeded in {r.SeedTime.TotalSeconds:F1} s), SQLite, service hosted in the harness process on real Kestrel (h2c).");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"`GetRankedBacklog(page_size={o.Top})` returns full items with scores and context; the baseline is `OrderByDescending(score).ThenBy(id).Take({o.Top})` over the same {o.Items:N0} precomputed scores in memory.");
        text.AppendLine(CultureInfo.InvariantCulture, $"{o.Rounds} rounds × {o.Calls} sequential calls after warm-up; both return the same top {o.Top}: {(r.SameTop ? "yes" : "NO")}.");
        text.AppendLine();
        text.AppendLine("| | median latency | p5 – p95 | calls/s (median of rounds, min – max) |");
        text.AppendLine("|---|---|---|---|");
        foreach (var m in new[] { r.Grpc, r.Linq })
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {m.Name} | {m.MedianMs:F3} ms | {m.P5Ms:F3} – {m.P95Ms:F3} ms | {m.MedianThroughput:F0} ({m.MinThroughput:F0} – {m.MaxThroughput:F0}) |");
        }
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Ratio (gRPC ÷ LINQ, median latency): **{Ratio(r):F2}×**. The service reads the top by its (product, rank) index instead of sorting, so its cost is the page, not the backlog: serialisation, the context queries of the page and the HTTP/2 round trip; the baseline sorts all {o.Items:N0} scores on every call.");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"### Creates into one crowded spot: {o.Items:N0} items against {RankingBenchmark.SmallBacklog}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{o.Rounds} rounds × {o.Crowded} `CreateBacklogItem` calls with equal RICE inputs, so every item goes directly above the same item and splits the gap the previous one left; its rank keys outgrow 40 digits every few hundred creates and are re-spaced. The same creates into a product of {RankingBenchmark.SmallBacklog} items are the baseline: re-spacing a neighbourhood of the crowded spot (ADR [0020](decisions/0020-neighbourhood-rank-respacing.md)) should cost the same in both.");
        text.AppendLine();
        text.AppendLine("| | median latency | p99 | max | creates/s (median of rounds, min – max) |");
        text.AppendLine("|---|---|---|---|---|");
        foreach (var m in new[] { r.CrowdedLarge, r.CrowdedSmall })
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {m.Name} | {m.MedianMs:F2} ms | {m.P99Ms:F2} ms | {m.LatenciesMs.Max():F0} ms | {m.MedianThroughput:F0} ({m.MinThroughput:F0} – {m.MaxThroughput:F0}) |");
        }
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Ratio (time per create, {o.Items:N0} ÷ {RankingBenchmark.SmallBacklog} items): **{CrowdedRatio(r):F2}×**.");
        return text.ToString();
    }
}
