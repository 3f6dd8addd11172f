using Lodestar.Backlog.Domain.Items;
using Lodestar.Errors;
using Lodestar.Persistence;

namespace Lodestar.Backlog.Domain.Sprints;

/// <summary>A time-boxed iteration of a product's team.</summary>
public sealed class Sprint : WorkspaceEntity
{
    public const int MaxDisplayName = 100;
    public const int MaxGoal = 1_000;
    public const int MaxReviewNotes = 10_000;
    public const int MaxDays = 60;
    public const double MaxCapacity = 10_000;

    public Guid ProductId { get; set; }

    public string DisplayName { get; set; } = "";

    public string Goal { get; set; } = "";

    public DateOnly StartDate { get; set; }

    public DateOnly EndDate { get; set; }

    public double? CapacityPoints { get; set; }

    public SprintState State { get; set; } = SprintState.Planned;

    public double StartPoints { get; set; }

    public double CompletedPoints { get; set; }

    public string ReviewNotes { get; set; } = "";

    public Retrospective Retrospective { get; set; } = new();

    public DateTime? StartTime { get; set; }

    public DateTime? CompleteTime { get; set; }

    public bool Overlaps(DateOnly start, DateOnly end) => StartDate <= end && start <= EndDate;

    /// <summary>Items are planned into a sprint until it completes.</summary>
    public void EnsureOpen()
    {
        if (State == SprintState.Completed) throw new FailedPreconditionException("The sprint is completed: plan the next one.");
    }

    public void EnsureDeletable()
    {
        if (State != SprintState.Planned) throw new FailedPreconditionException($"Only a planned sprint can be deleted; this one is {State}.");
    }

    /// <summary>
    /// Whether <paramref name="item"/> is to be committed here by hand: false when it already is; an item of another
    /// product, an epic, a closed item or one in another sprint is refused.
    /// </summary>
    public bool Accepts(BacklogItem item)
    {
        EnsureOpen();
        if (item.ProductId != ProductId) throw new ValidationException("backlog_item", "The item belongs to another product.");
        if (item.Type == ItemType.Epic) throw new ValidationException("backlog_item", "An epic is not planned itself: add its children.");
        if (!item.Status.IsOpen()) throw new FailedPreconditionException($"The item is {item.Status}: only open items can be committed.");
        if (item.SprintId == Id) return false;
        if (item.SprintId is { } other) throw new FailedPreconditionException($"The item is committed to sprints/{other:D}: remove it there first.");
        return true;
    }

    /// <summary>
    /// Plans the open sprint from the ranked candidates (<paramref name="ranked"/>, open and in no sprint) around the
    /// items already <paramref name="committed"/>, reserving <paramref name="maintenanceShare"/> of capacity for bugs
    /// and tech debt. Capacity is <paramref name="requestedCapacity"/>, else the sprint's own, else the product's
    /// recent <paramref name="velocity"/>; with none of them the sprint cannot be planned. <paramref name="finished"/>
    /// items no longer block.
    /// </summary>
    public SprintPlan Plan(IReadOnlyList<PlanCandidate> ranked, IReadOnlyList<PlanCandidate> committed, double? requestedCapacity, double? velocity,
        double maintenanceShare, IReadOnlySet<Guid> finished)
    {
        EnsureOpen();
        var (capacity, source) = requestedCapacity is { } requested ? (requested, "request")
            : CapacityPoints is { } own ? (own, "sprint")
            : velocity is { } recent ? (recent, "velocity")
            : throw new FailedPreconditionException("The sprint has no capacity and the product has no completed sprints to take a velocity from: set capacity_points.");
        var committedMaintenance = committed.Where(c => c.IsMaintenance).Sum(c => c.Points ?? 0);
        var outcomes = SprintPlanner.Plan(ranked, capacity, committed.Sum(c => c.Points ?? 0), committedMaintenance, maintenanceShare,
            finished.Concat(committed.Select(c => c.Id)).ToHashSet());
        var maintenance = committedMaintenance + outcomes.Where(o => o.Added && o.Candidate.IsMaintenance).Sum(o => o.Candidate.Points ?? 0);
        return new SprintPlan(capacity, source, maintenanceShare * capacity, maintenance, outcomes);
    }

    /// <summary>Commits the item with its current estimate; the returned entry is the burndown's record of it.</summary>
    public SprintItem Commit(BacklogItem item, DateTime now)
    {
        item.SprintId = Id;
        return new SprintItem { SprintId = Id, ItemId = item.Id, Points = item.EstimatePoints ?? 0, AddedAt = now };
    }

    /// <summary>Takes a committed item out of the open sprint by hand, back to the backlog.</summary>
    public void Remove(BacklogItem item, IEnumerable<SprintItem> openEntries, DateTime now)
    {
        EnsureOpen();
        if (item.SprintId != Id) throw new FailedPreconditionException("The item is not committed to this sprint.");
        Release(item, openEntries, rolledOverTo: null, now);
    }

    /// <summary>Takes the item out, closing its open entries here (rolled over to another sprint, or back to the backlog).</summary>
    private static void Release(BacklogItem item, IEnumerable<SprintItem> openEntries, Guid? rolledOverTo, DateTime now)
    {
        item.SprintId = null;
        foreach (var entry in openEntries)
        {
            entry.RemovedAt = now;
            entry.RolledOverTo = rolledOverTo;
        }
    }

    /// <summary>Starts the sprint with the points committed to it, one active sprint per product.</summary>
    public void Start(double committedPoints, bool productHasActiveSprint, DateTime now)
    {
        if (State != SprintState.Planned) throw new FailedPreconditionException($"Only a planned sprint can start; this one is {State}.");
        if (productHasActiveSprint) throw new FailedPreconditionException("The product already has an active sprint: complete it first.");
        State = SprintState.Active;
        StartTime = now;
        StartPoints = committedPoints;
    }

    /// <summary>A planned sprint of the same product takes the unfinished items of this one.</summary>
    public bool CanTakeRolloverFrom(Sprint completing) => ProductId == completing.ProductId && State == SprintState.Planned && Id != completing.Id;

    /// <summary>
    /// Completes the active sprint: finished items count with the points they were committed with, unfinished ones
    /// leave, to <paramref name="rolloverTarget"/> when there is one. Returns the entries the target gains.
    /// </summary>
    public IReadOnlyList<SprintItem> Complete(IReadOnlyList<BacklogItem> items, IReadOnlyDictionary<Guid, SprintItem> openEntries, Sprint? rolloverTarget, DateTime now)
    {
        if (State != SprintState.Active) throw new FailedPreconditionException($"Only the active sprint can complete; this one is {State}.");
        if (rolloverTarget is not null && !rolloverTarget.CanTakeRolloverFrom(this))
            throw new ValidationException("rollover_sprint", "Unfinished items roll over to a planned sprint of the same product.");
        CompletedPoints = items.Where(i => i.Status.IsFinished()).Sum(i => openEntries.TryGetValue(i.Id, out var entry) ? entry.Points : i.EstimatePoints ?? 0);
        var rolledOver = new List<SprintItem>();
        foreach (var item in items.Where(i => !i.Status.IsFinished()))
        {
            Release(item, openEntries.TryGetValue(item.Id, out var entry) ? [entry] : [], rolloverTarget?.Id, now);
            if (rolloverTarget is not null) rolledOver.Add(rolloverTarget.Commit(item, now));
        }
        State = SprintState.Completed;
        CompleteTime = now;
        return rolledOver;
    }
}
