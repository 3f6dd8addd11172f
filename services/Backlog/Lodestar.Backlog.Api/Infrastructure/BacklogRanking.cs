using Lodestar.Backlog.Domain.Items;
using Lodestar.Backlog.Domain.Ranking;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Backlog.Infrastructure;

/// <summary>
/// Keeps rank keys: an item placed by score goes directly above the highest-scored item scoring below it (unscored
/// items go last); a manual move goes between two neighbours. Each touches only the item placed, unless keys have
/// grown long or collided (two writers at once), when the keys of the items around it are re-spaced in their current order.
/// Changes are tracked, not saved: they commit with the caller's change.
/// </summary>
public static class BacklogRanking
{
    /// <summary>Items re-spaced on each side of a crowded slot at first.</summary>
    private const int RespaceReach = 16;

    /// <summary>Re-spaced keys at most this long leave room for about a hundred more moves into any one gap.</summary>
    private const int RespacedMaxLength = FractionalRank.RespaceAboveLength / 2;

    /// <summary>
    /// Up to <paramref name="take"/> open items of the product in rank order (of <paramref name="types"/> when any),
    /// untracked, after the item <paramref name="afterId"/> with key <paramref name="afterRank"/> when paging on.
    /// </summary>
    public static async Task<List<BacklogItem>> RankedOpenItemsAsync(this BacklogDbContext db, Guid productId, List<ItemType> types,
        string? afterRank, Guid afterId, int take, CancellationToken cancellationToken)
    {
        var query = db.Items.AsNoTracking().Where(i => i.ProductId == productId
            && (i.Status == ItemStatus.Idea || i.Status == ItemStatus.Ready || i.Status == ItemStatus.InProgress));
        if (types.Count > 0) query = query.Where(i => types.Contains(i.Type));
        if (afterRank is null) return await query.OrderBy(i => i.Rank).ThenBy(i => i.Id).Take(take).ToListAsync(cancellationToken);
        query = query.Where(i => string.Compare(i.Rank, afterRank) >= 0);
        var ties = await query.CountAsync(i => i.Rank == afterRank, cancellationToken);
        var rows = await query.OrderBy(i => i.Rank).ThenBy(i => i.Id).Take(take + ties).ToListAsync(cancellationToken);
        // Items sharing the last key (written concurrently) are ordered by id in SQL; skip those already returned.
        return [.. rows.Skip(rows.FindIndex(i => i.Id == afterId) + 1)];
    }

    /// <summary>Gives <paramref name="item"/> a rank key by its <see cref="BacklogItem.RankingScore"/>.</summary>
    public static async Task PlaceByScoreAsync(this BacklogDbContext db, BacklogItem item, CancellationToken cancellationToken)
    {
        var others = Others(db, item);
        var score = item.RankingScore;
        var next = score is null
            ? null
            : await others.Where(i => i.RankingScore < score).OrderByDescending(i => i.RankingScore).ThenBy(i => i.Rank)
                  .Select(i => (Guid?)i.Id).FirstOrDefaultAsync(cancellationToken)
              ?? await others.Where(i => i.RankingScore == null).OrderBy(i => i.Rank).Select(i => (Guid?)i.Id).FirstOrDefaultAsync(cancellationToken);
        await PlaceBeforeAsync(db, item, next, cancellationToken);
    }

    /// <summary>Puts <paramref name="item"/> directly above <paramref name="target"/>, or directly below it.</summary>
    public static async Task MoveAsync(this BacklogDbContext db, BacklogItem item, BacklogItem target, bool above, CancellationToken cancellationToken)
    {
        var next = above
            ? target.Id
            : await Others(db, item).Where(i => string.Compare(i.Rank, target.Rank) > 0)
                .OrderBy(i => i.Rank).ThenBy(i => i.Id).Select(i => (Guid?)i.Id).FirstOrDefaultAsync(cancellationToken);
        await PlaceBeforeAsync(db, item, next, cancellationToken);
    }

    /// <summary>Gives every item of the product a fresh, evenly spaced key, by score (unscored last, oldest first).</summary>
    public static async Task<int> RerankAsync(this BacklogDbContext db, Guid productId, CancellationToken cancellationToken)
    {
        var items = await db.Items.Where(i => i.ProductId == productId).ToListAsync(cancellationToken);
        var ordered = items.OrderBy(i => i.RankingScore is null).ThenByDescending(i => i.RankingScore).ThenBy(i => i.CreateTime).ThenBy(i => i.Id).ToList();
        var keys = FractionalRank.Spread(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Rank = keys[i];
            ordered[i].ManuallyRanked = false;
        }
        return ordered.Count;
    }

    /// <summary>Places <paramref name="item"/> directly above the item <paramref name="nextId"/> (null: at the bottom).</summary>
    private static async Task PlaceBeforeAsync(BacklogDbContext db, BacklogItem item, Guid? nextId, CancellationToken cancellationToken)
    {
        var others = Others(db, item);
        var next = nextId is null ? null : await others.Where(i => i.Id == nextId).Select(i => i.Rank).FirstAsync(cancellationToken);
        var previous = next is null
            ? await others.OrderByDescending(i => i.Rank).Select(i => i.Rank).FirstOrDefaultAsync(cancellationToken)
            : await others.Where(i => string.Compare(i.Rank, next) < 0).OrderByDescending(i => i.Rank).Select(i => i.Rank).FirstOrDefaultAsync(cancellationToken);
        // Twins of the next key (two writers at once) leave no gap to aim for.
        var collided = next is not null && await others.CountAsync(i => i.Rank == next, cancellationToken) > 1;
        var key = collided ? null : FractionalRank.Between(previous, next);
        if (key is null || key.Length > FractionalRank.RespaceAboveLength)
            await RespaceAroundAsync(db, item, nextId, next, cancellationToken);
        else
            item.Rank = key;
    }

    /// <summary>
    /// Re-spaces the keys of a run of items around <paramref name="item"/>'s slot above <paramref name="nextId"/> (key
    /// <paramref name="nextRank"/>), in their current order, between the keys just outside the run. The run doubles until
    /// that leaves short keys, so a crowded spot costs a neighbourhood, not the product (up to the whole product when its
    /// keys are crowded everywhere).
    /// </summary>
    private static async Task RespaceAroundAsync(BacklogDbContext db, BacklogItem item, Guid? nextId, string? nextRank, CancellationToken cancellationToken)
    {
        var others = Others(db, item);
        for (var reach = RespaceReach; ; reach *= 2)
        {
            // `reach` items on each side of the slot, plus one more each side as the bound that keeps its key.
            var before = await (nextRank is null ? others : others.Where(i => string.Compare(i.Rank, nextRank) < 0))
                .OrderByDescending(i => i.Rank).ThenByDescending(i => i.Id).Take(reach + 1).ToListAsync(cancellationToken);
            var after = nextRank is null
                ? []
                : await others.Where(i => string.Compare(i.Rank, nextRank) >= 0).OrderBy(i => i.Rank).ThenBy(i => i.Id).Take(reach + 1).ToListAsync(cancellationToken);
            var lower = before.Count > reach ? before[^1] : null;
            var upper = after.Count > reach ? after[^1] : null;
            var run = before.Take(reach).Reverse().Concat(after.Take(reach)).ToList();
            // Twins of the next key that sort before it stay before the slot.
            var slot = nextId is null ? run.Count : run.FindIndex(i => i.Id == nextId);
            var whole = lower is null && upper is null;
            var keys = slot < 0 ? null : FractionalRank.Spread(run.Count + 1, lower?.Rank, upper?.Rank, whole ? int.MaxValue : RespacedMaxLength);
            if (keys is null) continue;
            for (var i = 0; i < run.Count; i++) run[i].Rank = keys[i < slot ? i : i + 1];
            item.Rank = keys[slot];
            return;
        }
    }

    private static IQueryable<BacklogItem> Others(BacklogDbContext db, BacklogItem item) =>
        db.Items.Where(i => i.ProductId == item.ProductId && i.Id != item.Id);
}
