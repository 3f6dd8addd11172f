using Lodestar.Metrics.Domain.Activity;
using Lodestar.Metrics.Domain.Products;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace Lodestar.Metrics.Infrastructure.Aggregates;

/// <summary>
/// Rebuilds a product's aggregates from the stored events and users, safely while events keep arriving: active-day
/// bitmaps and HyperLogLogs are merged (bits are only ever added, so a concurrent ingestion's bits survive); cohort
/// bitmaps are overwritten from the users table and then every user that an ingestion changed since the rebuild began
/// (a later revision) is applied again, so neither a new user nor a cohort move is lost to the rebuild.
/// </summary>
public sealed class AggregateRebuilder(
    MetricsDbContext db, IConnectionMultiplexer redis, AggregateKeys keys, RebuildGate gate, ILogger<AggregateRebuilder> logger)
{
    private const int HyperLogLogChunk = 10_000;

    /// <summary>Rebuilds when the aggregates are missing (Redis lost them) or marked stale (an update failed).</summary>
    public async Task EnsureCurrentAsync(MetricsProduct product, CancellationToken cancellationToken)
    {
        if (!product.AggregatesStale && await redis.GetDatabase().KeyExistsAsync(keys.Ready(product.Id))) return;
        using var _ = await gate.EnterAsync(product.Id, cancellationToken);
        var stale = await db.Products.Where(p => p.Id == product.Id).Select(p => p.AggregatesStale).SingleAsync(cancellationToken);
        if (!stale && await redis.GetDatabase().KeyExistsAsync(keys.Ready(product.Id))) return; // rebuilt while we waited
        logger.LogInformation("Aggregates of product {ProductId} are {State}; rebuilding from stored events", product.Id, stale ? "stale" : "missing");
        await RebuildLockedAsync(product.Id, cancellationToken);
    }

    public async Task<RebuildSummary> RebuildAsync(Guid product, CancellationToken cancellationToken)
    {
        using var _ = await gate.EnterAsync(product, cancellationToken);
        return await RebuildLockedAsync(product, cancellationToken);
    }

    private async Task<RebuildSummary> RebuildLockedAsync(Guid product, CancellationToken cancellationToken)
    {
        // Cleared first: a failure during the rebuild sets it again, and the next query rebuilds once more.
        await db.Products.Where(p => p.Id == product).ExecuteUpdateAsync(set => set.SetProperty(p => p.AggregatesStale, false), cancellationToken);
        var revision = await db.Products.Where(p => p.Id == product).Select(p => p.IngestRevision).SingleAsync(cancellationToken);

        var active = new Dictionary<int, UserSet>();
        var byEvent = new Dictionary<(string Name, int Day), UserSet>();
        long events = 0;
        await foreach (var row in db.Events.AsNoTracking().Where(e => e.ProductId == product)
                           .Select(e => new { e.Day, e.UserIndex, e.EventName }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            events++;
            Set(active, row.Day).Add(row.UserIndex);
            Set(byEvent, (row.EventName, row.Day)).Add(row.UserIndex);
        }
        var cohorts = new Dictionary<int, UserSet>();
        var cohortDays = new HashSet<int>();
        long users = 0;
        await foreach (var user in db.Users.AsNoTracking().Where(u => u.ProductId == product)
                           .Select(u => new { u.UserIndex, u.FirstSeenDay, u.PreviousFirstSeenDay }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            users++;
            Set(cohorts, user.FirstSeenDay).Add(user.UserIndex);
            cohortDays.Add(user.FirstSeenDay);
            if (user.PreviousFirstSeenDay is { } previous) cohortDays.Add(previous);
        }

        var database = redis.GetDatabase();
        var batch = database.CreateBatch();
        var pending = new List<Task>();
        foreach (var (day, set) in active)
        {
            var scratch = keys.Scratch(product);
            pending.Add(batch.StringSetAsync(scratch, set.Bitmap.ToArray(), TimeSpan.FromMinutes(1)));
            pending.Add(batch.StringBitOperationAsync(Bitwise.Or, keys.Active(product, day), [keys.Active(product, day), scratch]));
            pending.Add(batch.KeyDeleteAsync(scratch));
        }
        foreach (var ((name, day), set) in byEvent)
            foreach (var chunk in set.Members().Chunk(HyperLogLogChunk))
                pending.Add(batch.HyperLogLogAddAsync(keys.EventUsers(product, name, day), chunk.Select(i => (RedisValue)i).ToArray()));
        foreach (var day in cohortDays)
            pending.Add(cohorts.TryGetValue(day, out var set)
                ? batch.StringSetAsync(keys.Cohort(product, day), set.Bitmap.ToArray())
                : batch.KeyDeleteAsync(keys.Cohort(product, day)));
        batch.Execute();
        await Task.WhenAll(pending);

        await ReapplyChangedUsersAsync(product, revision, cancellationToken);
        await database.StringSetAsync(keys.Ready(product), DateTime.UtcNow.ToString("O"));
        logger.LogInformation("Rebuilt aggregates of product {ProductId}: {Events} events, {Users} users, {Days} days", product, events, users, active.Count);
        return new RebuildSummary(events, users, active.Count);
    }

    /// <summary>Users an ingestion created or moved while the rebuild read: their cohort bits, set again on top of it.</summary>
    private async Task ReapplyChangedUsersAsync(Guid product, long revision, CancellationToken cancellationToken)
    {
        var changed = await db.Users.AsNoTracking().Where(u => u.ProductId == product && u.Revision > revision)
            .Select(u => new CohortChange(u.UserIndex, u.PreviousFirstSeenDay, u.FirstSeenDay)).ToListAsync(cancellationToken);
        if (changed.Count == 0) return;
        var batch = redis.GetDatabase().CreateBatch();
        var pending = new List<Task>();
        foreach (var change in changed)
        {
            if (change.FromDay is { } from) pending.Add(batch.StringSetBitAsync(keys.Cohort(product, from), change.UserIndex, false));
            pending.Add(batch.StringSetBitAsync(keys.Cohort(product, change.ToDay), change.UserIndex, true));
        }
        batch.Execute();
        await Task.WhenAll(pending);
    }

    private static UserSet Set<TKey>(Dictionary<TKey, UserSet> sets, TKey key)
        where TKey : notnull
    {
        if (!sets.TryGetValue(key, out var set)) sets[key] = set = UserSet.Empty();
        return set;
    }
}
