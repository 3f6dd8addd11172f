using Lodestar.Api;
using Lodestar.Backlog.Domain.Items;
using Lodestar.Backlog.Domain.Sprints;
using Lodestar.Errors;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Backlog.Infrastructure;

/// <summary>Sprints by name, a product's recent velocity, and what planning reads.</summary>
public static class SprintLookup
{
    public const int VelocitySprints = 3;

    public static async Task<Sprint> FindSprintAsync(this BacklogDbContext db, string name, string field, CancellationToken cancellationToken)
    {
        var id = ResourceNames.ParseId(name, BacklogNames.Sprints, field);
        return await db.Sprints.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw new NotFoundException("Sprint", name);
    }

    /// <summary>The sprint a singleton child ("sprints/{id}/<paramref name="singleton"/>") belongs to.</summary>
    public static async Task<Sprint> FindSprintOfAsync(this BacklogDbContext db, string name, string singleton, string field, CancellationToken cancellationToken)
    {
        var id = ResourceNames.ParseSingletonParentId(name, BacklogNames.Sprints, singleton, field);
        return await db.Sprints.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw new NotFoundException("Sprint", $"{BacklogNames.Sprints}/{id:D}");
    }

    /// <summary>Mean completed points of the product's last three completed sprints; null when none completed.</summary>
    public static async Task<double?> RecentVelocityAsync(this BacklogDbContext db, Guid productId, CancellationToken cancellationToken)
    {
        var recent = await db.Sprints.AsNoTracking().Where(s => s.ProductId == productId && s.State == SprintState.Completed)
            .OrderByDescending(s => s.CompleteTime).Take(VelocitySprints).Select(s => s.CompletedPoints).ToListAsync(cancellationToken);
        return recent.Count == 0 ? null : recent.Average();
    }

    /// <summary>
    /// The top of the product's ranked backlog that is open and in no sprint (tracked: planning commits them), and
    /// which of their blockers are finished.
    /// </summary>
    public static async Task<(List<BacklogItem> Candidates, HashSet<Guid> FinishedBlockers)> PlanningCandidatesAsync(
        this BacklogDbContext db, Guid productId, int max, CancellationToken cancellationToken)
    {
        var candidates = await db.Items.Where(i => i.ProductId == productId && i.SprintId == null
                && (i.Status == ItemStatus.Idea || i.Status == ItemStatus.Ready || i.Status == ItemStatus.InProgress))
            .OrderBy(i => i.Rank).ThenBy(i => i.Id).Take(max).ToListAsync(cancellationToken);
        var blockerIds = candidates.SelectMany(c => c.BlockedBy).Distinct().ToList();
        var finished = await db.Items.AsNoTracking().Where(i => blockerIds.Contains(i.Id) && (i.Status == ItemStatus.Done || i.Status == ItemStatus.Shipped))
            .Select(i => i.Id).ToListAsync(cancellationToken);
        return (candidates, finished.ToHashSet());
    }

    /// <summary>The product's earliest planned sprint other than <paramref name="sprint"/>: where unfinished items roll over by default.</summary>
    public static Task<Sprint?> NextPlannedSprintAsync(this BacklogDbContext db, Sprint sprint, CancellationToken cancellationToken) =>
        db.Sprints.Where(s => s.ProductId == sprint.ProductId && s.State == SprintState.Planned && s.Id != sprint.Id)
            .OrderBy(s => s.StartDate).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Every entry of the sprint with the time its item finished, if it has: what a burndown replays.</summary>
    public static async Task<List<(SprintItem Item, DateTime? FinishedAt)>> BurndownHistoryAsync(this BacklogDbContext db, Guid sprintId, CancellationToken cancellationToken)
    {
        var history = await db.SprintItems.AsNoTracking().Where(s => s.SprintId == sprintId).ToListAsync(cancellationToken);
        var itemIds = history.Select(h => h.ItemId).Distinct().ToList();
        var finished = await db.Items.AsNoTracking().Where(i => itemIds.Contains(i.Id) && (i.Status == ItemStatus.Done || i.Status == ItemStatus.Shipped))
            .ToDictionaryAsync(i => i.Id, i => i.DoneTime, cancellationToken);
        return [.. history.Select(h => (h, finished.GetValueOrDefault(h.ItemId)))];
    }

    /// <summary>The sprints of a product (all products when null) in the given states (any when none), untracked.</summary>
    public static IQueryable<Sprint> SprintsOf(this BacklogDbContext db, Guid? productId, List<SprintState> states)
    {
        var query = db.Sprints.AsNoTracking();
        if (productId is { } product) query = query.Where(s => s.ProductId == product);
        if (states.Count > 0) query = query.Where(s => states.Contains(s.State));
        return query;
    }

    /// <summary>The sprint <paramref name="name"/> names, or when empty the product's next planned one (null when there is none).</summary>
    public static async Task<Sprint?> RolloverTargetAsync(this BacklogDbContext db, Sprint completing, string name, string field, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(name) ? await db.NextPlannedSprintAsync(completing, cancellationToken) : await db.FindSprintAsync(name, field, cancellationToken);

    /// <summary>The items committed to the sprint in rank order, and their points.</summary>
    public static async Task<(List<Guid> ItemIds, double Points)> CommittedItemsAsync(this BacklogDbContext db, Guid sprintId, CancellationToken cancellationToken)
    {
        var items = await db.Items.AsNoTracking().Where(i => i.SprintId == sprintId).OrderBy(i => i.Rank)
            .Select(i => new { i.Id, i.EstimatePoints }).ToListAsync(cancellationToken);
        return ([.. items.Select(i => i.Id)], items.Sum(i => i.EstimatePoints ?? 0));
    }
}
