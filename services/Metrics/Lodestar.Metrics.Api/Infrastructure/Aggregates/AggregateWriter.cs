using StackExchange.Redis;

namespace Lodestar.Metrics.Infrastructure.Aggregates;

/// <summary>Applies stored events to the Redis aggregates in one pipelined round trip.</summary>
public sealed class AggregateWriter(IConnectionMultiplexer redis, AggregateKeys keys)
{
    public static bool IsRedisFailure(Exception exception) => exception is RedisException or RedisTimeoutException;

    public async Task ApplyAsync(Guid product, IReadOnlyList<ActivityMark> marks, IReadOnlyList<CohortChange> cohortChanges)
    {
        var batch = redis.GetDatabase().CreateBatch();
        var pending = new List<Task>();
        foreach (var (day, user) in marks.Select(m => (m.Day, m.UserIndex)).Distinct())
            pending.Add(batch.StringSetBitAsync(keys.Active(product, day), user, true));
        foreach (var group in marks.GroupBy(m => (m.EventName, m.Day)))
            pending.Add(batch.HyperLogLogAddAsync(keys.EventUsers(product, group.Key.EventName, group.Key.Day),
                group.Select(m => (RedisValue)m.UserIndex).Distinct().ToArray()));
        foreach (var change in cohortChanges)
        {
            if (change.FromDay is { } from) pending.Add(batch.StringSetBitAsync(keys.Cohort(product, from), change.UserIndex, false));
            pending.Add(batch.StringSetBitAsync(keys.Cohort(product, change.ToDay), change.UserIndex, true));
        }
        batch.Execute();
        await Task.WhenAll(pending);
    }
}
