using Lodestar.Metrics.Domain.Activity;
using StackExchange.Redis;

namespace Lodestar.Metrics.Infrastructure.Aggregates;

/// <summary>
/// Reads a product's aggregates. Unions over several days are computed inside Redis (BITOP OR into a scratch key) so
/// only one bitmap per period crosses the network.
/// </summary>
public sealed class AggregateReader(IConnectionMultiplexer redis, AggregateKeys keys)
{
    private static readonly TimeSpan ScratchLifetime = TimeSpan.FromMinutes(1);

    /// <summary>Users active on each day of <paramref name="range"/>.</summary>
    public Task<IReadOnlyList<UserSet>> ActiveDailyAsync(Guid product, DayRange range) =>
        ActiveAsync(product, range.Days.Select(d => new DayRange(d, d)).ToList());

    /// <summary>Users active in each range (a period, or the tail after the last one).</summary>
    public Task<IReadOnlyList<UserSet>> ActiveAsync(Guid product, IReadOnlyList<DayRange> ranges) =>
        UnionsAsync(product, ranges, day => keys.Active(product, day));

    /// <summary>Users first seen in each range.</summary>
    public Task<IReadOnlyList<UserSet>> FirstSeenAsync(Guid product, IReadOnlyList<DayRange> ranges) =>
        UnionsAsync(product, ranges, day => keys.Cohort(product, day));

    /// <summary>
    /// Estimated distinct users who sent <paramref name="eventName"/> on each day of <paramref name="range"/> and in the
    /// 7 and 30 days ending it (HyperLogLog).
    /// </summary>
    public async Task<IReadOnlyList<DailyActivity>> EventActivityAsync(Guid product, string eventName, DayRange range)
    {
        var database = redis.GetDatabase();
        var batch = database.CreateBatch();
        var counts = range.Days.Select(day => (Day: day,
            Daily: batch.HyperLogLogLengthAsync(keys.EventUsers(product, eventName, day)),
            Weekly: batch.HyperLogLogLengthAsync(Window(product, eventName, day, ActivityCalculator.WeekDays)),
            Monthly: batch.HyperLogLogLengthAsync(Window(product, eventName, day, ActivityCalculator.MonthDays)))).ToList();
        batch.Execute();
        await Task.WhenAll(counts.SelectMany(c => new[] { c.Daily, c.Weekly, c.Monthly }));
        return counts.Select(c => new DailyActivity(c.Day, c.Daily.Result, c.Weekly.Result, c.Monthly.Result)).ToList();
    }

    private RedisKey[] Window(Guid product, string eventName, int day, int days) =>
        Enumerable.Range(day - days + 1, days).Select(d => keys.EventUsers(product, eventName, d)).ToArray();

    private async Task<IReadOnlyList<UserSet>> UnionsAsync(Guid product, IReadOnlyList<DayRange> ranges, Func<int, RedisKey> keyOf)
    {
        var database = redis.GetDatabase();
        var batch = database.CreateBatch();
        var pending = new List<Task>();
        var scratch = new List<RedisKey>();
        var sources = new RedisKey[ranges.Count];
        for (var i = 0; i < ranges.Count; i++)
        {
            var days = ranges[i].Days.ToList();
            if (days.Count == 0)
            {
                sources[i] = keys.Scratch(product); // never written: reads as no users
                continue;
            }
            if (days.Count == 1)
            {
                sources[i] = keyOf(days[0]);
                continue;
            }
            sources[i] = keys.Scratch(product);
            scratch.Add(sources[i]);
            pending.Add(batch.StringBitOperationAsync(Bitwise.Or, sources[i], days.Select(keyOf).ToArray()));
            pending.Add(batch.KeyExpireAsync(sources[i], ScratchLifetime));
        }
        var values = batch.StringGetAsync(sources);
        batch.Execute();
        try
        {
            await Task.WhenAll(pending);
            return (await values).Select(v => v.IsNull ? UserSet.Empty() : UserSet.FromBitmap((byte[])v!)).ToList();
        }
        finally
        {
            if (scratch.Count > 0) await database.KeyDeleteAsync(scratch.ToArray(), CommandFlags.FireAndForget);
        }
    }
}
