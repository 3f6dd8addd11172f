using Lodestar.Metrics.Domain.Events;
using Lodestar.Metrics.Domain.Products;
using Lodestar.Metrics.Infrastructure.Aggregates;
using Lodestar.Persistence;
using Lodestar.Security;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Metrics.Infrastructure;

/// <summary>
/// Stores a batch of validated events in one transaction and then updates the real-time aggregates. The product row
/// is locked first (an update of its ingestion revision), so batches of one product apply one at a time on every
/// provider and replica: duplicate detection and user numbering never race. Redis is updated after the commit; when
/// that fails the product is marked stale and the next query rebuilds from the stored events, so an acknowledged event
/// is never lost from the aggregates.
/// </summary>
public sealed class EventIngestor(MetricsDbContext db, AggregateWriter aggregates, IWorkspaceContext workspace, ILogger<EventIngestor> logger)
{
    public async Task<IngestResult> IngestAsync(MetricsProduct product, IReadOnlyList<IncomingEvent> events, CancellationToken cancellationToken)
    {
        workspace.Require(WorkspaceRole.Editor);
        var unique = events.DistinctBy(e => e.EventKey).ToList();
        if (unique.Count == 0) return new IngestResult(0, 0);
        List<TrackedEvent> stored;
        List<CohortChange> cohortChanges;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var (revision, nextUserIndex) = await LockProductAsync(product.Id, unique.Min(e => e.Day), cancellationToken);
            var keys = unique.Select(e => e.EventKey).ToList();
            var known = (await db.Events.Where(e => e.ProductId == product.Id && keys.Contains(e.EventKey))
                .Select(e => e.EventKey).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
            var fresh = unique.Where(e => !known.Contains(e.EventKey)).ToList();
            if (fresh.Count == 0) return new IngestResult(0, events.Count);

            (var users, cohortChanges) = await ResolveUsersAsync(product.Id, fresh, revision, nextUserIndex, cancellationToken);
            var receivedAt = StoredTime.Now;
            stored = fresh.Select(e => new TrackedEvent
            {
                WorkspaceId = product.WorkspaceId,
                ProductId = product.Id,
                EventKey = e.EventKey,
                UserIndex = users[e.DistinctId],
                EventName = e.EventName,
                Time = StoredTime.Of(e.Time),
                Day = e.Day,
                Properties = e.Properties,
                ReceivedAt = receivedAt,
            }).ToList();
            db.Events.AddRange(stored);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        db.ChangeTracker.Clear();
        // Committed: from here the events stand whatever the caller does, so nothing below observes cancellation.
        await ApplyToAggregatesAsync(product.Id, stored, cohortChanges);
        // A recomputation that ran between the commit and the aggregates' update read them without this batch and
        // cleared the mark the commit set: marking again makes it run once more, now with the batch.
        await db.MarkMetricsStaleAsync(product.Id, stored.Min(e => e.Day), CancellationToken.None);
        return new IngestResult(stored.Count, events.Count - stored.Count);
    }

    /// <summary>
    /// Takes the product row's write lock for the transaction (marking its values from the batch's earliest day stale);
    /// returns this ingestion's revision and the next user index.
    /// </summary>
    private async Task<(long Revision, int NextUserIndex)> LockProductAsync(Guid productId, int earliestDay, CancellationToken cancellationToken)
    {
        await db.Products.Where(p => p.Id == productId)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.IngestRevision, p => p.IngestRevision + 1).MarkMetricsStale(earliestDay), cancellationToken);
        var counters = await db.Products.Where(p => p.Id == productId).Select(p => new { p.IngestRevision, p.NextUserIndex }).SingleAsync(cancellationToken);
        return (counters.IngestRevision, counters.NextUserIndex);
    }

    /// <summary>Numbers new users, moves users whose earliest event is now earlier, and returns every user's index.</summary>
    private async Task<(Dictionary<string, int> Indexes, List<CohortChange> Changes)> ResolveUsersAsync(
        Guid productId, List<IncomingEvent> fresh, long revision, int next, CancellationToken cancellationToken)
    {
        var firstDays = fresh.GroupBy(e => e.DistinctId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Min(e => e.Day), StringComparer.Ordinal);
        var ids = firstDays.Keys.ToList();
        var existing = await db.Users.Where(u => u.ProductId == productId && ids.Contains(u.DistinctId)).ToDictionaryAsync(u => u.DistinctId, StringComparer.Ordinal, cancellationToken);
        var indexes = existing.ToDictionary(u => u.Key, u => u.Value.UserIndex, StringComparer.Ordinal);
        var changes = new List<CohortChange>();
        foreach (var user in existing.Values.Where(u => firstDays[u.DistinctId] < u.FirstSeenDay))
        {
            changes.Add(new CohortChange(user.UserIndex, user.FirstSeenDay, firstDays[user.DistinctId]));
            user.PreviousFirstSeenDay = user.FirstSeenDay;
            user.FirstSeenDay = firstDays[user.DistinctId];
            user.Revision = revision;
        }
        var newcomers = ids.Where(id => !existing.ContainsKey(id)).ToList();
        if (newcomers.Count == 0) return (indexes, changes);

        await db.Products.Where(p => p.Id == productId)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.NextUserIndex, p => p.NextUserIndex + newcomers.Count), cancellationToken);
        var workspaceId = workspace.WorkspaceId!.Value;
        foreach (var id in newcomers)
        {
            var user = new ProductUser { WorkspaceId = workspaceId, ProductId = productId, UserIndex = next++, DistinctId = id, FirstSeenDay = firstDays[id], Revision = revision };
            db.Users.Add(user);
            indexes[id] = user.UserIndex;
            changes.Add(new CohortChange(user.UserIndex, null, user.FirstSeenDay));
        }
        return (indexes, changes);
    }

    private async Task ApplyToAggregatesAsync(Guid productId, List<TrackedEvent> stored, List<CohortChange> cohortChanges)
    {
        try
        {
            await aggregates.ApplyAsync(productId, stored.Select(e => new ActivityMark(e.Day, e.UserIndex, e.EventName)).ToList(), cohortChanges);
        }
        catch (Exception ex) when (AggregateWriter.IsRedisFailure(ex))
        {
            logger.LogWarning(ex, "Stored {Count} events of product {ProductId} but could not update Redis; the aggregates will be rebuilt", stored.Count, productId);
            await db.Products.Where(p => p.Id == productId)
                .ExecuteUpdateAsync(set => set.SetProperty(p => p.AggregatesStale, true), CancellationToken.None);
        }
    }
}
