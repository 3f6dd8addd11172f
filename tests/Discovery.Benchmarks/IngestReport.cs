using System.Globalization;
using System.Text;
using Lodestar.Benchmarking;

namespace Lodestar.Discovery.Benchmarks;

/// <summary>The discovery section of docs/benchmarks.md.</summary>
public static class IngestReport
{
    public static string Summary(IngestResult r) => string.Create(CultureInfo.InvariantCulture,
        $"{r.Provider}: import {Statistics.Median(r.GrpcBatchRates):N0}/s vs plain {Statistics.Median(r.PlainBatchRates):N0}/s ({Statistics.Median(r.GrpcBatchRates) / Statistics.Median(r.PlainBatchRates):F2}), search {r.Search.MedianMs:F2} ms vs scan {r.Scan.MedianMs:F2} ms");

    public static IEnumerable<SummaryRow> SummaryRows(IReadOnlyList<IngestResult> results)
    {
        foreach (var r in results)
        {
            var (grpc, plain) = (Statistics.Median(r.GrpcBatchRates), Statistics.Median(r.PlainBatchRates));
            yield return new SummaryRow($"Discovery ({r.Provider}): insights/s imported over gRPC", $"{grpc:N0}/s", $"{r.GrpcBatchRates.Min():N0}–{r.GrpcBatchRates.Max():N0}",
                $"{plain:N0}/s plain EF insert", SummaryRow.Ratio2(grpc / plain), "—", null);
            yield return new SummaryRow($"Discovery ({r.Provider}): full-text search", $"{r.Search.MedianMs:0.00} ms", $"p5–p95 {r.Search.P5Ms:0.00}–{r.Search.P95Ms:0.00} ms",
                $"{r.Scan.MedianMs:0.00} ms unindexed scan", $"{r.Search.MedianMs / r.Scan.MedianMs:0.00}× the time", "< 100 ms", r.Search.MedianMs < 100);
        }
    }

    public static string Section(IngestOptions o, IReadOnlyList<IngestResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"## Discovery: import and search {o.Insights:N0} insights");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Command: `dotnet run -c Release --project tests/Discovery.Benchmarks` (options `--insights {o.Insights} --batch {o.Batch} --searches {o.Searches} --rounds {o.Rounds}`).");
        text.AppendLine(Machine.Describe());
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Import: `BatchCreateInsights` of {o.Batch:N0} insights per call over gRPC (validation, reference checks, search index upkeep, one transaction per call) against a plain EF Core bulk insert of the same rows into the same table and provider (the baseline). Figures are insights/s per batch: median (min – max) over {o.Insights / o.Batch} batches.");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Search: `ListInsights(query=\"{IngestRows.Query}\", page_size=50)` over gRPC (SQLite FTS5 / PostgreSQL GIN tsvector) against an unindexed substring scan of the same rows in process; {o.Rounds} rounds × {o.Searches} calls, after the table is analysed (as autovacuum does after a bulk load). The scan stops at the first 50 matches by capture time, so with 1 % of rows matching and spread over time it reads about 5,000 rows; a rarer term makes it read the whole table, while the indexed search's cost follows the matches.");
        text.AppendLine();
        text.AppendLine("| provider | gRPC import, insights/s | plain insert, insights/s | ratio | search median (p5 – p95) | scan median (p5 – p95) | matches |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Provider} | {Statistics.Median(r.GrpcBatchRates):N0} ({r.GrpcBatchRates.Min():N0} – {r.GrpcBatchRates.Max():N0}) | {Statistics.Median(r.PlainBatchRates):N0} ({r.PlainBatchRates.Min():N0} – {r.PlainBatchRates.Max():N0}) | {Statistics.Median(r.GrpcBatchRates) / Statistics.Median(r.PlainBatchRates):F2} | {r.Search.MedianMs:F2} ms ({r.Search.P5Ms:F2} – {r.Search.P95Ms:F2}) | {r.Scan.MedianMs:F2} ms ({r.Scan.P5Ms:F2} – {r.Scan.P95Ms:F2}) | {r.SearchHits:N0} |");
        }
        return text.ToString();
    }

}
