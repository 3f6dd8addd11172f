using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Lodestar.Benchmarking;
using Lodestar.Discovery.Extensions;
using Lodestar.Discovery.Grpc;
using Lodestar.Discovery.Infrastructure;
using Lodestar.Errors;
using Lodestar.LocalInfrastructure;
using Lodestar.Persistence;
using Lodestar.Security;
using Lodestar.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using V1 = Lodestar.Discovery.V1;

namespace Lodestar.Discovery.Benchmarks;

/// <summary>
/// On one provider: BatchCreateInsights over gRPC (validation, persona/product checks, search index upkeep) against
/// the plain EF bulk insert of the same rows into the same table; then full-text search over gRPC against an
/// unindexed substring scan of the same rows in process.
/// </summary>
public static class IngestBenchmark
{
    public static async Task<IngestResult> RunAsync(DatabaseProvider provider, IngestOptions options)
    {
        var folder = Directory.CreateTempSubdirectory("lodestar-ingest-bench-").FullName;
        await using var infrastructure = await LocalServers.StartAsync(
            new LocalInfrastructureOptions { Redis = false, Postgres = provider == DatabaseProvider.Postgres }, NullLogger.Instance, CancellationToken.None);
        var database = provider == DatabaseProvider.Postgres ? infrastructure.Postgres!.ConnectionStringFor("discovery_bench") : null;
        await using var host = await ServiceHost.StartAsync("discovery", folder, database, infrastructure.RabbitMq!.ConnectionString,
            builder => builder.AddDiscoveryService(),
            async app =>
            {
                app.MapDiscoveryService();
                await app.MigrateDatabaseAsync<DiscoveryDbContext>();
            });
        var rows = IngestRows.Generate(options.Insights);
        var (grpcWorkspace, plainWorkspace) = (Guid.NewGuid(), Guid.NewGuid());
        using var channel = GrpcChannel.ForAddress(host.GrpcAddress, new GrpcChannelOptions { MaxSendMessageSize = null, MaxReceiveMessageSize = null });
        var client = new V1.InsightService.InsightServiceClient(WorkspaceCalls.Invoker(channel, grpcWorkspace, subject: "benchmark"));

        var grpcRates = new List<double>();
        foreach (var batch in rows.Chunk(options.Batch))
        {
            var clock = Stopwatch.StartNew();
            await client.BatchCreateInsightsAsync(new V1.BatchCreateInsightsRequest { Requests = { batch.Select(i => new V1.CreateInsightRequest { Insight = i }) } },
                deadline: DateTime.UtcNow.AddMinutes(5));
            grpcRates.Add(batch.Length / clock.Elapsed.TotalSeconds);
        }
        Console.WriteLine($"{provider}: gRPC import done");

        var plainRates = new List<double>();
        foreach (var batch in rows.Chunk(options.Batch))
        {
            var entities = batch.Select(insight =>
            {
                var violations = new Violations();
                return InsightEditor.Apply(new Domain.Insights.Insight(), insight, InsightEditor.Fields, "insight", violations).Insight;
            }).ToList();
            var clock = Stopwatch.StartNew();
            await host.InWorkspaceAsync<DiscoveryDbContext, int>(plainWorkspace, db =>
            {
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                db.Insights.AddRange(entities);
                return db.SaveChangesAsync();
            });
            plainRates.Add(batch.Length / clock.Elapsed.TotalSeconds);
        }
        Console.WriteLine($"{provider}: plain insert done");

        // Searches run on current statistics, as they do once autovacuum has analysed the freshly loaded table.
        if (provider == DatabaseProvider.Postgres)
            await host.InWorkspaceAsync<DiscoveryDbContext, int>(grpcWorkspace, db => db.Database.ExecuteSqlRawAsync("ANALYZE insights"));
        var request = new V1.ListInsightsRequest { Query = IngestRows.Query, PageSize = 50 };
        var hits = (await client.ListInsightsAsync(new V1.ListInsightsRequest { Query = IngestRows.Query, PageSize = 1000 })).Insights.Count;
        var search = await Rounds.MeasureAsync($"{provider} full-text search over gRPC",
            () => client.ListInsightsAsync(request, deadline: DateTime.UtcNow.AddSeconds(30)).ResponseAsync, options.Searches, options.Rounds, warmup: 5);
        var scan = await Rounds.MeasureAsync($"{provider} substring scan in process",
            () => host.InWorkspaceAsync<DiscoveryDbContext, int>(grpcWorkspace, async db => (await db.Insights.AsNoTracking()
                .Where(i => EF.Functions.Like(i.Summary, "%preadsheet export%"))
                .OrderByDescending(i => i.CaptureTime).Take(50).ToListAsync()).Count),
            options.Searches, options.Rounds, warmup: 5);
        TryDelete(folder);
        return new IngestResult(provider, grpcRates, plainRates, search, scan, hits);
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may hold the file a moment longer; the folder is under the temp path.
        }
    }
}
