using Lodestar.Benchmarking;
using Lodestar.Discovery.Benchmarks;
using Lodestar.Persistence;

// Imports N insights through BatchCreateInsights and searches them by text, on each database provider, side by side
// with a plain bulk insert of the same rows and an unindexed substring scan; writes docs/benchmarks.md.
var arguments = new Arguments(args);
var options = new IngestOptions(arguments.Number("--insights", 100_000), arguments.Number("--batch", 5_000), arguments.Number("--searches", 50), arguments.Number("--rounds", 3));
var results = new List<IngestResult>();
foreach (var provider in arguments.Text("--providers", "sqlite,postgres").Split(','))
    results.Add(await IngestBenchmark.RunAsync(Enum.Parse<DatabaseProvider>(provider, ignoreCase: true), options));
ReportFile.WriteSection(arguments.Text("--report", ReportFile.DefaultPath), "discovery-ingest", IngestReport.Section(options, results), IngestReport.SummaryRows(results));
foreach (var result in results) Console.WriteLine(IngestReport.Summary(result));
