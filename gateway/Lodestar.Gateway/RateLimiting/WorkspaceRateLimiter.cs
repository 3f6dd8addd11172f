using Lodestar.Gateway.Access;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Lodestar.Gateway.RateLimiting;

/// <summary>
/// Per-workspace rate limits: in Redis when it answers, so every replica draws from one bucket; in this replica's
/// memory (<see cref="LocalTokenBuckets"/>) while it does not, so an outage of Redis neither stops traffic nor lifts
/// the limits.
/// </summary>
public sealed class WorkspaceRateLimiter(
    IOptionsMonitor<RateLimitOptions> options,
    IOptions<AccessOptions> access,
    LocalTokenBuckets local,
    ILogger<WorkspaceRateLimiter> logger,
    IConnectionMultiplexer? redis = null)
{
    private readonly string _prefix = access.Value.RedisKeyPrefix + "ratelimit:";

    public async Task<RateLimitDecision> TakeAsync(Guid workspaceId)
    {
        var settings = options.CurrentValue;
        if (!settings.Enabled) return RateLimitDecision.Allow;
        var limit = settings.For(workspaceId);
        if (redis is { IsConnected: true })
        {
            try
            {
                return await RedisTokenBucket.TakeAsync(redis.GetDatabase(), BucketKey(workspaceId), limit);
            }
            catch (RedisException ex)
            {
                logger.LogWarning(ex, "Rate limiting in this replica's memory: Redis did not answer");
            }
        }
        return local.Take(workspaceId, limit);
    }

    /// <summary>
    /// In one Redis call, the role cached at <paramref name="roleKey"/> and, when it admits the caller, a token. Null
    /// role when Redis cannot answer or holds no role; null decision when no token was taken.
    /// </summary>
    public async Task<(string? CachedRole, RateLimitDecision? Decision)> AdmitFromCacheAsync(Guid workspaceId, string roleKey)
    {
        if (redis is not { IsConnected: true }) return (null, null);
        var settings = options.CurrentValue;
        try
        {
            if (!settings.Enabled) return (await redis.GetDatabase().StringGetAsync(roleKey), RateLimitDecision.Allow);
            var (role, decision) = await RedisTokenBucket.AdmitAsync(redis.GetDatabase(), roleKey, BucketKey(workspaceId), settings.For(workspaceId));
            return role is null or "None" ? (role, null) : (role, decision);
        }
        catch (RedisException ex)
        {
            logger.LogWarning(ex, "Admission from the cache failed; reading the database");
            return (null, null);
        }
    }

    private string BucketKey(Guid workspaceId) => $"{_prefix}{workspaceId:N}";
}
