using Lodestar.Backlog.Domain.Items;
using Lodestar.Backlog.Domain.Products;
using Lodestar.Backlog.Domain.Scoring;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Backlog.Infrastructure;

/// <summary>Keeps an item's stored ranking score, and so its place, in step with its inputs and evidence.</summary>
public static class ItemScoring
{
    public static async Task<EvidenceBasis> EvidenceOfAsync(this BacklogDbContext db, BacklogItem item, CancellationToken cancellationToken)
    {
        if (item.ProblemIds.Count == 0) return EvidenceBasis.None;
        var ids = item.ProblemIds;
        return ItemContext.Basis(await db.ProblemEvidence.AsNoTracking().Where(e => ids.Contains(e.Id)).ToListAsync(cancellationToken));
    }

    /// <summary>
    /// Recomputes the ranking score; an item placed by score moves when it changes (or when <paramref name="place"/>),
    /// a manually placed one stays.
    /// </summary>
    public static async Task RescoreAsync(this BacklogDbContext db, BacklogItem item, BacklogProduct product, bool place, CancellationToken cancellationToken)
    {
        var evidence = await db.EvidenceOfAsync(item, cancellationToken);
        var score = ItemScorer.RankingKey(product.RankingFramework, item.Inputs, product.Scoring, evidence, ItemScorer.Typed);
        var changed = score != item.RankingScore;
        item.RankingScore = score;
        if (place || (changed && !item.ManuallyRanked)) await db.PlaceByScoreAsync(item, cancellationToken);
    }
}
