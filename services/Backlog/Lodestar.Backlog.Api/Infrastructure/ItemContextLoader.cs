using Lodestar.Backlog.Domain.Context;
using Lodestar.Backlog.Domain.Items;
using Microsoft.EntityFrameworkCore;
using Lodestar.Messaging.ReportedCopies;

namespace Lodestar.Backlog.Infrastructure;

/// <summary>Loads the <see cref="ItemContext"/> of a page of items in a handful of queries, whatever the page size.</summary>
public static class ItemContextLoader
{
    /// <summary>The latest evidence summary of each of <paramref name="problemIds"/> the backlog has heard of.</summary>
    public static async Task<Dictionary<Guid, ProblemEvidence>> EvidenceByProblemAsync(this BacklogDbContext db, IReadOnlyCollection<Guid> problemIds, CancellationToken cancellationToken) =>
        problemIds.Count == 0
            ? []
            : await db.ProblemEvidence.AsNoTracking().Where(e => problemIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);

    public static async Task<ItemContext> LoadContextAsync(this BacklogDbContext db, IReadOnlyCollection<BacklogItem> items, CancellationToken cancellationToken)
    {
        var productIds = items.Select(i => i.ProductId).Distinct().ToList();
        var problemIds = items.SelectMany(i => i.ProblemIds).Distinct().ToList();
        var hypothesisIds = items.SelectMany(i => i.HypothesisIds).Distinct().ToList();
        var blockerIds = items.SelectMany(i => i.BlockedBy).Distinct().ToList();
        var products = await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var evidence = await db.EvidenceByProblemAsync(problemIds, cancellationToken);
        var invalidated = hypothesisIds.Count == 0
            ? []
            : (await db.HypothesisStates.AsNoTracking().Where(h => hypothesisIds.Contains(h.Id) && h.Status == HypothesisState.Invalidated)
                .Select(h => h.Id).ToListAsync(cancellationToken)).ToHashSet();
        var blockers = blockerIds.Count == 0
            ? new Dictionary<Guid, ItemStatus>()
            : await db.Items.AsNoTracking().Where(i => blockerIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Status, cancellationToken);
        var goalIds = items.SelectMany(i => i.GoalIds).Distinct().ToList();
        var goals = goalIds.Count == 0
            ? new Dictionary<Guid, GoalCopy>()
            : await db.Goals.AsNoTracking().Where(g => goalIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, cancellationToken);
        return new ItemContext(products, evidence, invalidated, blockers, goals);
    }
}
