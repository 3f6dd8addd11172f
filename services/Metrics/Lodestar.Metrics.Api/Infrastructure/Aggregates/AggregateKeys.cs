using System.Globalization;
using Lodestar.Metrics.Domain.Events;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Lodestar.Metrics.Infrastructure.Aggregates;

/// <summary>
/// The Redis keys of a product's aggregates, under the configured prefix:
/// <c>{prefix}{product}:active:{date}</c> (bitmap of users active that UTC day),
/// <c>:cohort:{date}</c> (bitmap of users first seen that day), <c>:event:{name}:{date}</c> (HyperLogLog of users who
/// sent the event that day) and <c>:ready</c> (present once the aggregates are known complete).
/// </summary>
public sealed class AggregateKeys(IOptions<MetricsOptions> options)
{
    private readonly string _prefix = options.Value.RedisKeyPrefix;

    public RedisKey Ready(Guid product) => $"{_prefix}{product:N}:ready";

    public RedisKey Active(Guid product, int day) => $"{_prefix}{product:N}:active:{Date(day)}";

    public RedisKey Cohort(Guid product, int day) => $"{_prefix}{product:N}:cohort:{Date(day)}";

    public RedisKey EventUsers(Guid product, string eventName, int day) => $"{_prefix}{product:N}:event:{eventName}:{Date(day)}";

    /// <summary>A scratch key for one operation; it expires on its own if the process dies before deleting it.</summary>
    public RedisKey Scratch(Guid product) => $"{_prefix}{product:N}:scratch:{Guid.NewGuid():N}";

    private static string Date(int day) => UtcDays.ToDate(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
