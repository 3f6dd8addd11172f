using Lodestar.Benchmarking;
using Lodestar.LocalInfrastructure;
using Lodestar.Metrics.Benchmarks;
using Lodestar.Persistence;
using Microsoft.Extensions.Logging.Abstractions;

// Event ingestion over the client stream against the same storage work done directly, per database provider, and
// activity and retention queries over 1,000,000 users × 30 days checked against an in-memory count; writes
// docs/benchmarks.md.
var arguments = new Arguments(args);
var options = new BenchmarkOptions(arguments.Number("--events", 50_000), arguments.Number("--users", 20_000), arguments.Number("--rounds", 3),
    arguments.Number("--query-users", 1_000_000), arguments.Number("--query-days", 30), arguments.Number("--queries", 20));
var providers = arguments.Text("--providers", "sqlite,postgres").Split(',').Select(p => Enum.Parse<DatabaseProvider>(p, ignoreCase: true)).ToList();
await using var infrastructure = await LocalServers.StartAsync(
    new LocalInfrastructureOptions { Postgres = providers.Contains(DatabaseProvider.Postgres) }, NullLogger.Instance, CancellationToken.None);

var ingestion = new List<IngestionResult>();
foreach (var provider in providers) ingestion.Add(await IngestionBenchmark.RunAsync(infrastructure, provider, options));
var queries = await QueryBenchmark.RunAsync(infrastructure, options);
ReportFile.WriteSection(arguments.Text("--report", ReportFile.DefaultPath), "metrics", BenchmarkReport.Section(options, ingestion, queries),
    BenchmarkReport.Summary(options, ingestion, queries));
foreach (var query in queries) Console.WriteLine($"{query.Query}: median {query.Latency.MedianMs:0.0} ms, exact {query.Exact}");
