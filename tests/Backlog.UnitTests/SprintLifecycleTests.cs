using Lodestar.Backlog.Domain.Items;
using Lodestar.Backlog.Domain.Sprints;
using Lodestar.Errors;

namespace Backlog.UnitTests;

/// <summary>A sprint's own rules: what it accepts, how it starts, completes and rolls work over, where planning takes its capacity.</summary>
public sealed class SprintLifecycleTests
{
    private static readonly Guid Product = Guid.NewGuid();
    private static readonly DateTime Now = new(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    private static Sprint NewSprint(SprintState state = SprintState.Planned) => new() { Id = Guid.NewGuid(), ProductId = Product, State = state };

    private static BacklogItem Item(double? points, ItemStatus status = ItemStatus.Ready, ItemType type = ItemType.Story) =>
        new() { Id = Guid.NewGuid(), ProductId = Product, EstimatePoints = points, Status = status, Type = type };

    [Fact]
    public void A_planned_sprint_starts_with_the_points_committed_and_only_when_the_product_has_no_active_one()
    {
        var sprint = NewSprint();
        Assert.Throws<FailedPreconditionException>(() => sprint.Start(8, productHasActiveSprint: true, Now));
        Assert.Equal(SprintState.Planned, sprint.State);

        sprint.Start(8, productHasActiveSprint: false, Now);
        Assert.Equal((SprintState.Active, 8d, Now), (sprint.State, sprint.StartPoints, sprint.StartTime));
        Assert.Throws<FailedPreconditionException>(() => sprint.Start(8, productHasActiveSprint: false, Now));
    }

    [Fact]
    public void A_sprint_accepts_an_open_item_of_its_product_once_and_refuses_the_rest_naming_why()
    {
        var sprint = NewSprint();
        var item = Item(3);
        Assert.True(sprint.Accepts(item));
        var entry = sprint.Commit(item, Now);
        Assert.Equal((sprint.Id, sprint.Id, item.Id, 3d, Now), (item.SprintId, entry.SprintId, entry.ItemId, entry.Points, entry.AddedAt));
        Assert.False(sprint.Accepts(item)); // already here: nothing to do

        Assert.Equal("backlog_item", Assert.Throws<ValidationException>(() => sprint.Accepts(new BacklogItem { ProductId = Guid.NewGuid() })).Violations[0].Field);
        Assert.Equal("backlog_item", Assert.Throws<ValidationException>(() => sprint.Accepts(Item(5, type: ItemType.Epic))).Violations[0].Field);
        Assert.Throws<FailedPreconditionException>(() => sprint.Accepts(Item(5, ItemStatus.Done)));
        var elsewhere = Item(2);
        elsewhere.SprintId = Guid.NewGuid();
        Assert.Contains($"sprints/{elsewhere.SprintId:D}", Assert.Throws<FailedPreconditionException>(() => sprint.Accepts(elsewhere)).Message, StringComparison.Ordinal);
        Assert.Throws<FailedPreconditionException>(() => NewSprint(SprintState.Completed).Accepts(Item(1)));
    }

    [Fact]
    public void Removing_by_hand_closes_the_items_entries_and_needs_the_item_to_be_in_the_sprint()
    {
        var sprint = NewSprint(SprintState.Active);
        var item = Item(3);
        var entry = sprint.Commit(item, Now);
        Assert.Throws<FailedPreconditionException>(() => sprint.Remove(Item(1), [], Now));

        sprint.Remove(item, [entry], Now.AddHours(1));
        Assert.Equal(((Guid?)null, (DateTime?)Now.AddHours(1), (Guid?)null), (item.SprintId, entry.RemovedAt, entry.RolledOverTo));
    }

    [Fact]
    public void Completing_counts_finished_items_at_their_committed_points_and_rolls_the_rest_over()
    {
        var sprint = NewSprint(SprintState.Active);
        var next = NewSprint();
        var done = Item(3, ItemStatus.Done);
        var shipped = Item(2, ItemStatus.Shipped);
        var open = Item(5, ItemStatus.InProgress);
        var entries = new[] { done, shipped, open }.ToDictionary(i => i.Id, i => sprint.Commit(i, Now));
        done.EstimatePoints = 8; // re-estimated after commitment: the sprint keeps what it committed to
        var unrecorded = Item(1, ItemStatus.Done); // no entry (committed before history was kept): its estimate counts
        unrecorded.SprintId = sprint.Id;

        var rolled = sprint.Complete([done, shipped, open, unrecorded], entries, next, Now.AddDays(10));

        Assert.Equal((SprintState.Completed, 6d, Now.AddDays(10)), (sprint.State, sprint.CompletedPoints, sprint.CompleteTime));
        Assert.Equal((next.Id, (DateTime?)Now.AddDays(10), (Guid?)next.Id), (open.SprintId!.Value, entries[open.Id].RemovedAt, entries[open.Id].RolledOverTo));
        var moved = Assert.Single(rolled);
        Assert.Equal((next.Id, open.Id, 5d), (moved.SprintId, moved.ItemId, moved.Points));
        Assert.Null(entries[done.Id].RemovedAt);
    }

    [Fact]
    public void Completing_without_a_target_returns_unfinished_items_to_the_backlog_and_refuses_a_wrong_target()
    {
        var sprint = NewSprint(SprintState.Active);
        var open = Item(5);
        var entries = new Dictionary<Guid, SprintItem> { [open.Id] = sprint.Commit(open, Now) };
        var otherProducts = new Sprint { Id = Guid.NewGuid(), ProductId = Guid.NewGuid() };
        Assert.Equal("rollover_sprint", Assert.Throws<ValidationException>(() => sprint.Complete([open], entries, otherProducts, Now)).Violations[0].Field);
        Assert.Equal("rollover_sprint", Assert.Throws<ValidationException>(() => sprint.Complete([open], entries, NewSprint(SprintState.Active), Now)).Violations[0].Field);
        Assert.Equal(SprintState.Active, sprint.State);

        Assert.Empty(sprint.Complete([open], entries, rolloverTarget: null, Now));
        Assert.Equal(((Guid?)null, (Guid?)null), (open.SprintId, entries[open.Id].RolledOverTo));
        Assert.Throws<FailedPreconditionException>(() => sprint.Complete([], new Dictionary<Guid, SprintItem>(), null, Now));
        Assert.Throws<FailedPreconditionException>(sprint.EnsureDeletable);
    }

    [Fact]
    public void Planning_takes_the_requested_capacity_then_the_sprints_own_then_the_velocity_and_counts_maintenance()
    {
        var bug = new PlanCandidate(Guid.NewGuid(), "bug", ItemType.Bug, 2, []);
        var story = new PlanCandidate(Guid.NewGuid(), "story", ItemType.Story, 3, []);
        var committedDebt = new PlanCandidate(Guid.NewGuid(), "debt", ItemType.TechDebt, 1, []);
        var sprint = NewSprint();

        var requested = sprint.Plan([bug, story], [committedDebt], requestedCapacity: 10, velocity: 4, maintenanceShare: 0.2, new HashSet<Guid>());
        Assert.Equal((10d, "request", 2d, 3d), (requested.Capacity, requested.CapacitySource, requested.MaintenanceTarget, requested.MaintenancePoints));
        Assert.Equal(2, requested.Outcomes.Count(o => o.Added));

        sprint.CapacityPoints = 6;
        var own = sprint.Plan([bug], [], null, 4, 0, new HashSet<Guid>());
        Assert.Equal((6d, "sprint"), (own.Capacity, own.CapacitySource));
        sprint.CapacityPoints = null;
        var byVelocity = sprint.Plan([bug, story], [committedDebt], null, velocity: 4, 0, new HashSet<Guid>());
        Assert.Equal((4d, "velocity"), (byVelocity.Capacity, byVelocity.CapacitySource));
        Assert.Equal([bug.Id], byVelocity.Outcomes.Where(o => o.Added).Select(o => o.Candidate.Id)); // 1 committed + 2; the story does not fit

        Assert.Throws<FailedPreconditionException>(() => sprint.Plan([bug], [], null, null, 0, new HashSet<Guid>()));
        Assert.Throws<FailedPreconditionException>(() => NewSprint(SprintState.Completed).Plan([bug], [], 10, null, 0, new HashSet<Guid>()));
    }

    [Fact]
    public void An_item_moves_next_to_another_item_of_its_backlog_only()
    {
        var item = Item(3);
        item.EnsureMovableNextTo(Item(2), "above");
        Assert.Equal("above", Assert.Throws<ValidationException>(() => item.EnsureMovableNextTo(item, "above")).Violations[0].Field);
        Assert.Equal("below", Assert.Throws<ValidationException>(() => item.EnsureMovableNextTo(new BacklogItem { ProductId = Guid.NewGuid() }, "below")).Violations[0].Field);
    }
}
