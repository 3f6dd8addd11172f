using Lodestar.Backlog.Domain.Items;
using Lodestar.Backlog.Domain.Products;
using Lodestar.Backlog.Domain.Scoring;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Backlog.Infrastructure;

/// <summary>Scores every item of a product at once, as settings changes and robustness analysis need.</summary>
public static class ProductRescoring
{
    /// <summary>The product's items (tracked unless <paramref name="readOnly"/>) with the evidence basis of each.</summary>
    public static async Task<List<(BacklogItem Item, EvidenceBasis Evidence)>> ItemsWithEvidenceAsync(
        this BacklogDbContext db, Guid productId, bool openOnly, bool readOnly, CancellationToken cancellationToken)
    {
        var query = db.Items.Where(i => i.ProductId == productId);
        if (openOnly) query = query.Where(i => i.Status == ItemStatus.Idea || i.Status == ItemStatus.Ready || i.Status == ItemStatus.InProgress);
        if (readOnly) query = query.AsNoTracking();
        var items = await query.ToListAsync(cancellationToken);
        var problemIds = items.SelectMany(i => i.ProblemIds).Distinct().ToList();
        var evidence = await db.EvidenceByProblemAsync(problemIds, cancellationToken);
        return [.. items.Select(i => (i, ItemContext.BasisOf(i, evidence)))];
    }

    /// <summary>Recomputes every item's ranking score under the product's settings; true when any changed.</summary>
    public static async Task<bool> RescoreProductAsync(this BacklogDbContext db, BacklogProduct product, CancellationToken cancellationToken)
    {
        var changed = false;
        foreach (var (item, evidence) in await db.ItemsWithEvidenceAsync(product.Id, openOnly: false, readOnly: false, cancellationToken))
        {
            var score = ItemScorer.RankingKey(product.RankingFramework, item.Inputs, product.Scoring, evidence, ItemScorer.Typed);
            if (score == item.RankingScore) continue;
            item.RankingScore = score;
            changed = true;
        }
        return changed;
    }
}
