using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Persistence;
using Lodestar.Strategy.V1;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Strategy.FunctionalTests.Infrastructure;

namespace Strategy.FunctionalTests.Roadmap;

/// <summary>
/// Roadmap progress counts every linked item from the moment the backlog links it (BacklogItemChanged), by count and by
/// estimate points: five linked, one shipped, is 20 %, not 100 %.
/// </summary>
public sealed class DeliveryProgressTests(StrategyHosts hosts) : IClassFixture<StrategyHosts>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(StrategyHosts.Providers), MemberType = typeof(StrategyHosts))]
    public async Task Links_made_in_the_backlog_count_at_once_and_unlinks_deletes_and_wont_dos_leave_the_progress(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var roadmap = hosts.Roadmap(provider, workspace);
        var product = await hosts.NewProductAsync(provider, workspace);
        var productId = Guid.Parse(product["products/".Length..]);
        var initiative = await roadmap.CreateInitiativeAsync(new CreateInitiativeRequest { Initiative = new Initiative
        {
            Product = product, Title = "Enterprise readiness", Horizon = Horizon.Now,
        } }, cancellationToken: Cancel);
        var initiativeId = Guid.Parse(initiative.Name["initiatives/".Length..]);
        var bus = hosts.Host(provider).Services.GetRequiredService<IBus>();
        var items = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToArray();
        double[] points = [1, 2, 3, 5, 8];

        async Task ChangedAsync(int index, long version, string status = "ready", bool linked = true, bool deleted = false, double? estimate = -1)
        {
            var message = new BacklogItemChanged(items[index], productId, $"Item {index}", linked ? [initiativeId] : [], estimate == -1 ? points[index] : estimate,
                status, deleted, version) { WorkspaceId = workspace };
            await bus.Publish(message, c => c.MessageId = message.EventId, Cancel);
        }

        Task<Initiative> ReadsAsync(Func<Initiative, bool> done, string what) => Eventually.ReachesAsync(
            () => roadmap.GetInitiativeAsync(new GetInitiativeRequest { Name = initiative.Name }, cancellationToken: Cancel).ResponseAsync, done, TimeSpan.FromSeconds(30), what);

        for (var i = 0; i < items.Length; i++) await ChangedAsync(i, version: 1);
        var linked = await ReadsAsync(x => x.LinkedItems == 5, "five linked items");
        Assert.Equal((5, 0, 0d, 19d, 0d), (linked.BacklogItems.Count, linked.ShippedItems, linked.Progress, linked.TotalPoints, linked.PointsProgress));

        // One of five ships (its shipped event may come before or after its change): 20 % by count, 2 of 19 points.
        await ChangedAsync(1, version: 2, status: "shipped");
        var shipped = new BacklogItemShipped(items[1], productId, "Item 1", [], [], [initiativeId]) { WorkspaceId = workspace };
        await bus.Publish(shipped, c => c.MessageId = shipped.EventId, Cancel);
        var one = await ReadsAsync(x => x.ShippedItems == 1, "one shipped item");
        Assert.Equal((5, 0.2, 2d, 2d / 19), (one.LinkedItems, one.Progress, one.ShippedPoints, one.PointsProgress));

        // Unlinked, deleted, won't-do: each leaves; an item without estimate counts by count only.
        await ChangedAsync(0, version: 2, linked: false);
        await ChangedAsync(2, version: 3, deleted: true);
        await ChangedAsync(3, version: 2, status: "wont-do");
        await ChangedAsync(4, version: 2, estimate: null);
        var rest = await ReadsAsync(x => x.BacklogItems.Count == 3 && x.LinkedItems == 2 && x.UnestimatedItems == 1, "unlink, delete, won't-do");
        Assert.Equal((0.5, 2d, 1d), (rest.Progress, rest.TotalPoints, rest.PointsProgress));

        // An older report of an item arriving late changes nothing.
        await ChangedAsync(0, version: 1);
        await ChangedAsync(2, version: 2);
        await Task.Delay(TimeSpan.FromSeconds(2), Cancel);
        var after = await roadmap.GetInitiativeAsync(new GetInitiativeRequest { Name = initiative.Name }, cancellationToken: Cancel);
        Assert.Equal((3, 2, 0.5), (after.BacklogItems.Count, after.LinkedItems, after.Progress));
    }
}
