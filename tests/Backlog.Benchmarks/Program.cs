using Lodestar.Backlog.Benchmarks;

// Ranks 100,000 items of one product and reads the top 100 over gRPC, side by side with an in-process LINQ sort of the
// same precomputed scores; times creates into one crowded spot of that backlog side by side with a 100-item one; then
// writes the figures into docs/benchmarks.md.
var options = HarnessOptions.Parse(args);
var result = await RankingBenchmark.RunAsync(options);
BenchmarkReport.Write(options.ReportPath, result);
Console.WriteLine(BenchmarkReport.Summary(result));
