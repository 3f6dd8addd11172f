using Lodestar.Backlog.Domain.Items;
using Lodestar.Backlog.Domain.Sprints;

namespace Backlog.UnitTests;

public sealed class SprintTests
{
    private static readonly DateOnly Start = new(2027, 3, 1);

    private static DateTime At(int day, int hour = 12) => Start.AddDays(day).ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc);

    [Fact]
    public void Burndown_replays_scope_and_completion_with_an_even_ideal_line()
    {
        var sprint = new Sprint { StartDate = Start, EndDate = Start.AddDays(4) };
        (SprintItem, DateTime?)[] items =
        [
            (new SprintItem { Points = 5, AddedAt = At(-1) }, At(1)),
            (new SprintItem { Points = 3, AddedAt = At(-1) }, null),
            (new SprintItem { Points = 2, AddedAt = At(2) }, At(3)), // scope added mid-sprint
            (new SprintItem { Points = 4, AddedAt = At(-1), RemovedAt = At(1) }, null), // taken out
        ];
        var days = Burndown.Of(sprint, items, today: Start.AddDays(3));
        Assert.Equal([12d, 8, 10, 10, 10], days.Select(d => d.Scope));
        Assert.Equal([0d, 5, 5, 7, 7], days.Select(d => d.Completed));
        Assert.Equal([12d, 3, 5, 3, null], days.Select(d => d.Remaining));
        Assert.Equal([12d, 9, 6, 3, 0], days.Select(d => d.Ideal));
    }

    [Fact]
    public void Planning_with_no_maintenance_share_is_plain_rank_order_within_capacity()
    {
        var ids = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToArray();
        PlanCandidate[] ranked =
        [
            new(ids[0], "a", ItemType.Feature, 5, []),
            new(ids[1], "b", ItemType.Bug, 4, []),
            new(ids[2], "c", ItemType.Story, 2, [ids[3]]),
            new(ids[3], "d", ItemType.Story, 1, []),
        ];
        var outcomes = SprintPlanner.Plan(ranked, capacity: 8, committedPoints: 0, committedMaintenancePoints: 0, maintenanceShare: 0, settled: new HashSet<Guid>());
        // a (5) fits, b (4) does not, c waits for d, d (1) fits, then c (2) fits: 8.
        Assert.Equal([true, false, true, true], outcomes.Select(o => o.Added));
        Assert.Equal(SkipReason.OverCapacity, outcomes[1].Reason);
    }
}
