using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Lodestar.Api;
using Lodestar.AppHost.Seeding;
using Lodestar.Contracts.IntegrationEvents;
using Lodestar.ServiceDefaults;
using Backlog = Lodestar.Backlog.V1;
using Strategy = Lodestar.Strategy.V1;

namespace EndToEnd.Tests.Reliability;

/// <summary>
/// RabbitMQ stopped for 30 s in the middle of 5,000 changes that cross services (products created and renamed, goals
/// created, items shipped): every change is accepted while the broker is away, and once it is back every effect exists
/// exactly once in each consumer's database.
/// </summary>
[Collection(FaultPlatform.Name)]
public sealed class BrokerOutageTests(FaultPlatformFixture fixture)
{
    private const string Admin = "outage-admin";
    private const int Products = 1_250; // each created and renamed: 2,500 changes
    private const int Goals = 2_000;
    private const int Shipments = 500;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_effect_of_5000_changes_exists_exactly_once_after_a_30_second_broker_outage()
    {
        var (workspace, api, home) = await fixture.NewProductAsync(Admin, "Home");
        var items = await DoneItemsAsync(api, home.Name);

        var changes = new List<Func<Task>>();
        changes.AddRange(Enumerable.Range(0, Products).Select(i => (Func<Task>)(() => CreateAndRenameAsync(api, i))));
        changes.AddRange(Enumerable.Range(0, Goals).Select(i => (Func<Task>)(() => CreateGoalAsync(api, home.Name, i))));
        changes.AddRange(items.Select(item => (Func<Task>)(() => ShipAsync(api, item))));
        Random.Shared.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(changes));

        var broker = fixture.Resource("rabbitmq");
        var done = 0;
        var outage = Stopwatch.StartNew();
        var stopped = false;
        var copiesAtStop = 0L;
        try
        {
            await Parallel.ForEachAsync(changes, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = Cancel }, async (change, _) =>
            {
                await change();
                if (Interlocked.Increment(ref done) == changes.Count / 5)
                {
                    await broker.StopAsync(Cancel);
                    outage.Restart();
                    stopped = true;
                    copiesAtStop = await fixture.Databases.CountAsync(LodestarResources.Backlog, "products", workspace);
                }
            });
            Assert.True(stopped, "the broker was never stopped");
            // Nothing crossed while the broker was away: a consumer holds the products it held when it stopped.
            Assert.Equal(copiesAtStop, await fixture.Databases.CountAsync(LodestarResources.Backlog, "products", workspace));
            TestContext.Current.SendDiagnosticMessage($"{done} changes accepted, {outage.Elapsed.TotalSeconds:0.0} s into the outage");
            var remaining = Outage - outage.Elapsed;
            if (remaining > TimeSpan.Zero) await Task.Delay(remaining, Cancel);
        }
        finally
        {
            if (!broker.IsRunning) await broker.StartAsync(CancellationToken.None);
        }
        TestContext.Current.SendDiagnosticMessage($"broker stopped for {outage.Elapsed.TotalSeconds:0.0} s; {done} changes accepted");

        await EventLedger.AllAppliedOnceAsync(fixture.Databases, workspace, TimeSpan.FromMinutes(3), nameof(ProductChanged), nameof(GoalChanged), nameof(BacklogItemShipped));
        await AssertEffectsAsync(workspace);
        // Redelivery settles: the same figures a while later.
        await Task.Delay(TimeSpan.FromSeconds(5), Cancel);
        await AssertEffectsAsync(workspace);
    }

    private async Task AssertEffectsAsync(Guid workspace)
    {
        var databases = fixture.Databases;
        var names = await databases.ProductNamesAsync(LodestarResources.Strategy, workspace);
        Assert.Equal(Products + 1, names.Count);
        foreach (var consumer in new[] { LodestarResources.Backlog, LodestarResources.Discovery, LodestarResources.Metrics })
            Assert.Equal(names.OrderBy(p => p.Key), (await databases.ProductNamesAsync(consumer, workspace)).OrderBy(p => p.Key));
        Assert.Equal(Goals, await databases.CountAsync(LodestarResources.Backlog, "goals", workspace));
        Assert.Equal(Goals, await databases.CountAsync(LodestarResources.Discovery, "goals", workspace));
        Assert.Equal(Shipments, await databases.CountAsync(LodestarResources.Metrics, "release_markers", workspace));
        Assert.Equal(Shipments, await databases.CountAsync(LodestarResources.Strategy, "shipped_items", workspace));
    }

    /// <summary>Items of the product moved up to Done before the burst, so that shipping each is one change.</summary>
    private static async Task<List<Backlog.BacklogItem>> DoneItemsAsync(LodestarClients api, string product)
    {
        var items = new System.Collections.Concurrent.ConcurrentBag<Backlog.BacklogItem>();
        await Parallel.ForEachAsync(Enumerable.Range(0, Shipments), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = Cancel }, async (i, _) =>
        {
            var item = await Aborted.RetryAsync(async () => await api.Items.CreateBacklogItemAsync(new Backlog.CreateBacklogItemRequest
            {
                BacklogItem = new Backlog.BacklogItem { Product = product, Type = Backlog.ItemType.Feature, Title = $"Item {i}", EstimatePoints = 1 },
            }, cancellationToken: Cancel));
            foreach (var status in new[] { Backlog.ItemStatus.Ready, Backlog.ItemStatus.InProgress, Backlog.ItemStatus.Done })
                item = await SetStatusAsync(api, item, status);
            items.Add(item);
        });
        return [.. items];
    }

    private static async Task ShipAsync(LodestarClients api, Backlog.BacklogItem item) => await SetStatusAsync(api, item, Backlog.ItemStatus.Shipped);

    private static async Task<Backlog.BacklogItem> SetStatusAsync(LodestarClients api, Backlog.BacklogItem item, Backlog.ItemStatus status) =>
        await Aborted.RetryAsync(async () => await api.Items.UpdateBacklogItemAsync(new Backlog.UpdateBacklogItemRequest
        {
            BacklogItem = new Backlog.BacklogItem { Name = item.Name, Status = status },
            UpdateMask = new FieldMask { Paths = { "status" } },
        }, cancellationToken: Cancel));

    private static async Task CreateAndRenameAsync(LodestarClients api, int i)
    {
        var product = await api.Products.CreateProductAsync(new Strategy.CreateProductRequest { Product = new Strategy.Product { DisplayName = $"Product {i}" } }, cancellationToken: Cancel);
        await api.Products.UpdateProductAsync(new Strategy.UpdateProductRequest
        {
            Product = new Strategy.Product { Name = product.Name, DisplayName = $"Product {i} (renamed)" },
            UpdateMask = new FieldMask { Paths = { "display_name" } },
        }, cancellationToken: Cancel);
    }

    private static async Task CreateGoalAsync(LodestarClients api, string product, int i)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await api.Goals.CreateGoalAsync(new Strategy.CreateGoalRequest
        {
            Goal = new Strategy.Goal { Product = product, Title = $"Goal {i}", PeriodStart = today.ToProto(), PeriodEnd = today.AddDays(90).ToProto() },
        }, cancellationToken: Cancel);
    }
}
