using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Lodestar.Backlog.Domain.Items;
using Lodestar.Backlog.Domain.Products;
using Lodestar.Backlog.Domain.Ranking;
using Lodestar.Backlog.Domain.Scoring;
using Lodestar.Backlog.Extensions;
using Lodestar.Backlog.Infrastructure;
using Lodestar.Benchmarking;
using Lodestar.LocalInfrastructure;
using V1 = Lodestar.Backlog.V1;
using Lodestar.Persistence;
using Lodestar.Security;
using Lodestar.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lodestar.Backlog.Benchmarks;

/// <summary>
/// Seeds one product with N RICE-scored items in the backlog service's database (SQLite, as a developer runs it), then
/// times GetRankedBacklog(top) over gRPC against a LINQ OrderBy/Take over the same scores in this process; then times
/// creates that all land in one spot (equal scores) of that backlog against the same creates in a small backlog, whose
/// keys outgrow their gap every few hundred creates and are re-spaced.
/// </summary>
public static class RankingBenchmark
{
    private const int SeedBatch = 5_000;
    public const int SmallBacklog = 100;

    public static async Task<RankingResult> RunAsync(HarnessOptions options)
    {
        var folder = Directory.CreateTempSubdirectory("lodestar-ranking-bench-").FullName;
        try
        {
            // The service needs its broker to start; the benchmark itself publishes nothing.
            await using var infrastructure = await LocalServers.StartAsync(
                new LocalInfrastructureOptions { Redis = false, Postgres = false }, NullLogger.Instance, CancellationToken.None);
            await using var host = await ServiceHost.StartAsync("backlog", folder, database: null, eventBus: infrastructure.RabbitMq!.ConnectionString,
                builder => builder.AddBacklogService(),
                async app =>
                {
                    app.MapBacklogService();
                    await app.MigrateDatabaseAsync<BacklogDbContext>();
                });
            var (workspace, productId) = (Guid.NewGuid(), Guid.NewGuid());
            var seeding = Stopwatch.StartNew();
            var scores = await SeedAsync(host, workspace, productId, options.Items);
            seeding.Stop();
            Console.WriteLine($"Seeded {options.Items:N0} items in {seeding.Elapsed.TotalSeconds:F1} s.");

            using var channel = GrpcChannel.ForAddress(host.GrpcAddress);
            var client = new V1.PrioritizationService.PrioritizationServiceClient(WorkspaceCalls.Invoker(channel, workspace, WorkspaceRole.Viewer, "benchmark"));
            var request = new V1.GetRankedBacklogRequest { Name = $"products/{productId}/backlog", PageSize = options.Top };
            async Task<IReadOnlyList<Guid>> OverGrpc() =>
                [.. (await client.GetRankedBacklogAsync(request, deadline: DateTime.UtcNow.AddSeconds(30))).Entries.Select(e => Guid.Parse(e.BacklogItem.Name["backlogItems/".Length..]))];
            Task<IReadOnlyList<Guid>> InProcess() =>
                Task.FromResult<IReadOnlyList<Guid>>([.. scores.OrderByDescending(s => s.Score).ThenBy(s => s.Id).Take(options.Top).Select(s => s.Id)]);

            var sameTop = (await OverGrpc()).SequenceEqual(await InProcess());
            var grpc = await Rounds.MeasureAsync("gRPC GetRankedBacklog", OverGrpc, options.Calls, options.Rounds);
            var linq = await Rounds.MeasureAsync("in-process LINQ sort", InProcess, options.Calls, options.Rounds);

            var smallProduct = Guid.NewGuid();
            await SeedAsync(host, workspace, smallProduct, SmallBacklog);
            var items = new V1.BacklogItemService.BacklogItemServiceClient(WorkspaceCalls.Invoker(channel, workspace, WorkspaceRole.Editor, "benchmark"));
            var small = await MeasureCrowdedAsync(items, smallProduct, $"creates into one spot of {SmallBacklog} items", options);
            var large = await MeasureCrowdedAsync(items, productId, $"creates into one spot of {options.Items:N0} items", options);
            return new RankingResult(options, grpc, linq, seeding.Elapsed, sameTop, large, small);
        }
        finally
        {
            TryDelete(folder);
        }
    }

    /// <summary>Creates with equal RICE inputs: each goes directly above the same item, into the gap the previous one split.</summary>
    private static Task<Measurement> MeasureCrowdedAsync(V1.BacklogItemService.BacklogItemServiceClient items, Guid productId, string name, HarnessOptions options)
    {
        var request = new V1.CreateBacklogItemRequest
        {
            BacklogItem = new V1.BacklogItem
            {
                Product = $"products/{productId}", Type = V1.ItemType.Feature, Title = "Crowded",
                Rice = new V1.RiceInputs { Reach = 5_000, Impact = 1, Confidence = 50, Effort = 2 },
            },
        };
        return Rounds.MeasureAsync(name, async () => await items.CreateBacklogItemAsync(request, deadline: DateTime.UtcNow.AddSeconds(60)),
            options.Crowded, options.Rounds, warmup: 0);
    }

    private static async Task<List<(Guid Id, double Score)>> SeedAsync(ServiceHost host, Guid workspace, Guid productId, int count)
    {
        await host.InWorkspaceAsync<BacklogDbContext, int>(workspace, db =>
        {
            db.Products.Add(new BacklogProduct { Id = productId, DisplayName = "Benchmark" });
            return db.SaveChangesAsync();
        });
        var random = new Random(42);
        var items = Enumerable.Range(0, count).Select(i =>
        {
            var rice = new RiceInputs(random.Next(1, 100_000), RiceInputs.ImpactScale[random.Next(5)], random.Next(0, 101), 0.5 + (random.Next(1, 40) / 2.0));
            return new BacklogItem
            {
                ProductId = productId, Type = ItemType.Feature, Title = $"Item {i}", Status = ItemStatus.Ready,
                Inputs = new PriorityInputs { Rice = rice }, RankingScore = rice.Score(ItemScorer.Typed),
            };
        }).OrderByDescending(i => i.RankingScore).ThenBy(i => i.Id).ToList();
        var keys = FractionalRank.Spread(items.Count);
        for (var i = 0; i < items.Count; i++) items[i].Rank = keys[i];
        foreach (var batch in items.Chunk(SeedBatch))
        {
            await host.InWorkspaceAsync<BacklogDbContext, int>(workspace, db =>
            {
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                db.Items.AddRange(batch);
                return db.SaveChangesAsync();
            });
        }
        return [.. items.Select(i => (i.Id, i.RankingScore!.Value))];
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
