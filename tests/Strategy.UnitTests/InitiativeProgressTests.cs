using Lodestar.Strategy.Domain.Roadmap;

namespace Strategy.UnitTests;

/// <summary>Initiative progress by count and by points over the items the backlog reported.</summary>
public sealed class InitiativeProgressTests
{
    private static DeliveryItem Item(Guid id, double? points, string status = "ready", bool deleted = false) =>
        new() { ItemId = id, EstimatePoints = points, Status = status, Deleted = deleted };

    [Fact]
    public void Five_linked_one_shipped_is_a_fifth_by_count_and_its_share_of_the_points()
    {
        var ids = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToArray();
        var known = ids.Select((id, i) => Item(id, new double[] { 1, 2, 3, 5, 8 }[i])).ToDictionary(i => i.ItemId);
        var progress = InitiativeProgress.Of(ids, known, new HashSet<Guid> { ids[3] });
        Assert.Equal((5, 1, 0.2, 19d, 5d), (progress.LinkedItems, progress.ShippedItems, progress.ByCount, progress.TotalPoints, progress.ShippedPoints));
        Assert.Equal(5d / 19, progress.ByPoints, 12);
    }

    [Fact]
    public void Wont_do_and_deleted_items_are_no_work_unknown_and_unestimated_ones_count_by_count_only()
    {
        var (wontDo, deleted, unknown, unestimated, shipped) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var known = new[] { Item(wontDo, 3, "wont-do"), Item(deleted, 3, deleted: true), Item(unestimated, null), Item(shipped, 4, "shipped") }
            .ToDictionary(i => i.ItemId);
        var progress = InitiativeProgress.Of([wontDo, deleted, unknown, unestimated, shipped, shipped], known, new HashSet<Guid>());
        Assert.Equal((3, 1, 2, 4d, 4d, 1d), (progress.LinkedItems, progress.ShippedItems, progress.UnestimatedItems, progress.TotalPoints, progress.ShippedPoints, progress.ByPoints));
        Assert.Equal(1d / 3, progress.ByCount, 12);
        Assert.Equal((0d, 0d), (InitiativeProgress.Of([], known, new HashSet<Guid>()).ByCount, InitiativeProgress.Of([], known, new HashSet<Guid>()).ByPoints));
    }

    [Fact]
    public void An_initiatives_items_are_its_own_links_and_the_backlogs_less_deleted_ones()
    {
        var initiative = new Initiative { BacklogItemIds = [Guid.NewGuid(), Guid.NewGuid()] };
        var (fromBacklog, elsewhere, gone) = (Guid.NewGuid(), Guid.NewGuid(), initiative.BacklogItemIds[1]);
        var known = new[]
        {
            new DeliveryItem { ItemId = fromBacklog, InitiativeIds = [initiative.Id], EstimatePoints = 2, Status = "shipped" },
            new DeliveryItem { ItemId = elsewhere, InitiativeIds = [Guid.NewGuid()] },
            new DeliveryItem { ItemId = gone, Deleted = true },
        }.ToDictionary(i => i.ItemId);
        var delivery = new Delivery(known, new HashSet<Guid>());
        Assert.Equal([initiative.BacklogItemIds[0], fromBacklog], delivery.LinkedTo(initiative));
        Assert.Equal((2, 1, 0.5), (delivery.ProgressOf(initiative).LinkedItems, delivery.ProgressOf(initiative).ShippedItems, delivery.ProgressOf(initiative).ByCount));
    }
}
