using Lodestar.Backlog.Domain.Items;
using Lodestar.Backlog.Domain.Products;
using Lodestar.Backlog.Domain.Scoring;

namespace Lodestar.Backlog.Infrastructure;

/// <summary>Keeps an item's stored ranking score, and so its place, in step with its inputs and evidence.</summary>
public static class ItemScoring
{
    /// <summary>
    /// Recomputes the ranking score; an item placed by score moves when it changes (or when <paramref name="place"/>),
    /// a manually placed one stays.
    /// </summary>
    public static async Task RescoreAsync(this BacklogDbContext db, BacklogItem item, BacklogProduct product, bool place, CancellationToken cancellationToken) =>
        await db.RescoreAsync(item, product, ItemContext.BasisOf(item, await db.EvidenceByProblemAsync(item.ProblemIds, cancellationToken)), place, cancellationToken);

    /// <summary>As above, with the item's evidence already at hand.</summary>
    public static async Task RescoreAsync(this BacklogDbContext db, BacklogItem item, BacklogProduct product, EvidenceBasis evidence, bool place, CancellationToken cancellationToken)
    {
        var score = ItemScorer.RankingKey(product.RankingFramework, item.Inputs, product.Scoring, evidence, ItemScorer.Typed);
        var changed = score != item.RankingScore;
        item.RankingScore = score;
        if (place || (changed && !item.ManuallyRanked)) await db.PlaceByScoreAsync(item, cancellationToken);
    }
}
