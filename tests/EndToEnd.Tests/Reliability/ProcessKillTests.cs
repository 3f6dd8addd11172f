using Lodestar.Contracts.IntegrationEvents;
using Grpc.Core;
using Lodestar.ServiceDefaults;

namespace EndToEnd.Tests.Reliability;

/// <summary>
/// Strategy (a producer) and then backlog (a producer and a consumer) killed with SIGKILL in the middle of a burst of
/// writes: every acknowledged write exists, no write left half a record or an event without its change (or a change
/// without its event), and every event is applied exactly once after they are started again.
/// </summary>
[Collection(FaultPlatform.Name)]
public sealed class ProcessKillTests(FaultPlatformFixture fixture)
{
    private const string Admin = "kill-admin";
    private const int Products = 600; // each created and renamed
    private const int Items = 400;
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(90);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Killing_services_mid_write_leaves_no_partial_record_and_no_lost_or_doubled_event()
    {
        var (workspace, api, home) = await fixture.NewProductAsync(Admin, "Home");

        var burst = new WriteBurst(api, home.Name);
        var writes = new List<Func<Task>>();
        writes.AddRange(Enumerable.Range(0, Products).Select(i => (Func<Task>)(() => burst.CreateAndRenameAsync(i))));
        writes.AddRange(Enumerable.Range(0, Items).Select(i => (Func<Task>)(() => burst.CreateItemAsync(i))));
        Random.Shared.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(writes));

        var strategy = fixture.Resource(LodestarResources.Strategy);
        var backlog = fixture.Resource(LodestarResources.Backlog);
        Task? strategyRestart = null, backlogRestart = null;
        var done = 0;
        await Parallel.ForEachAsync(writes, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = Cancel }, async (write, _) =>
        {
            await write();
            var count = Interlocked.Increment(ref done);
            if (count == writes.Count / 4) strategyRestart = Restarts.Kill(strategy, Cancel);
            if (count == writes.Count * 3 / 5) backlogRestart = Restarts.Kill(backlog, Cancel);
        });
        await Restarts.RunningAgainAsync(strategy, strategyRestart!, Recovery);
        await Restarts.RunningAgainAsync(backlog, backlogRestart!, Recovery);
        TestContext.Current.SendDiagnosticMessage($"{burst.Acknowledged} writes acknowledged, refused while a service was down: {string.Join(", ", burst.Refused.Select(r => $"{r.Key} ×{r.Value}"))}");
        Assert.All(burst.FirstRefusal, refusal => Assert.True(refusal.Key == StatusCode.Unavailable, $"{refusal.Key}: {refusal.Value}"));

        await AssertProductsWholeAsync(workspace, burst);
        var items = await fixture.Databases.IdsAsync(LodestarResources.Backlog, "items", workspace);
        var lostItems = burst.Items.Where(id => !items.Contains(id)).ToList();
        Assert.True(lostItems.Count == 0, $"{lostItems.Count} of {burst.Items.Count} acknowledged items are not stored ({items.Count} stored): {string.Join(", ", lostItems.Take(5))}; stored {string.Join(", ", items.Order().Take(5))}");
        Assert.InRange(items.Count, burst.Items.Count, Items);

        await EventLedger.AllAppliedOnceAsync(fixture.Databases, workspace, Recovery, nameof(ProductChanged));
        var names = await fixture.Databases.ProductNamesAsync(LodestarResources.Strategy, workspace);
        foreach (var consumer in new[] { LodestarResources.Backlog, LodestarResources.Discovery, LodestarResources.Metrics })
            Assert.Equal(names.OrderBy(p => p.Key), (await fixture.Databases.ProductNamesAsync(consumer, workspace)).OrderBy(p => p.Key));
    }

    /// <summary>
    /// Each product strategy holds came with exactly the events its changes raised (one for the create, one more if the
    /// rename committed), the last carrying its current name; and no event names a product that does not exist.
    /// </summary>
    private async Task AssertProductsWholeAsync(Guid workspace, WriteBurst burst)
    {
        var products = await fixture.Databases.ProductNamesAsync(LodestarResources.Strategy, workspace);
        var lost = burst.Products.Keys.Where(id => !products.ContainsKey(id)).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} of {burst.Products.Count} acknowledged products are not stored ({products.Count} stored): {string.Join(", ", lost.Take(5))}");
        foreach (var (id, renamed) in burst.Products) Assert.True(!renamed || products[id].EndsWith("(renamed)", StringComparison.Ordinal), $"{id}: the acknowledged rename was lost");
        // A refused create may have committed before the kill; it is then whole like the rest, never half there.
        Assert.All(products.Values, name => Assert.Matches(@"^(Home|Product \d+( \(renamed\))?)$", name));

        var events = (await fixture.Databases.OutboxAsync(LodestarResources.Strategy, workspace))
            .Where(row => row.Name == nameof(ProductChanged))
            .Select(row => row.Read<ProductChanged>())
            .GroupBy(change => change.ProductId)
            .ToDictionary(g => g.Key, g => g.Select(change => change.Name).ToList());
        var silent = products.Where(p => !events.ContainsKey(p.Key)).Select(p => $"{p.Key} {p.Value}").ToList();
        Assert.True(silent.Count == 0, $"{silent.Count} of {products.Count} products have no event: {string.Join(", ", silent.Take(10))}");
        var orphans = events.Keys.Where(id => !products.ContainsKey(id)).ToList();
        Assert.True(orphans.Count == 0, $"{orphans.Count} events name products that do not exist: {string.Join(", ", orphans.Take(10))}");
        foreach (var (id, name) in products)
        {
            var expected = name.EndsWith("(renamed)", StringComparison.Ordinal) ? 2 : 1;
            Assert.True(events[id].Count == expected, $"{name}: {events[id].Count} events, expected {expected}");
            Assert.Equal(name, events[id][^1]);
        }
    }
}
