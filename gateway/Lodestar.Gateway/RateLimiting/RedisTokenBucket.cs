using System.Globalization;
using StackExchange.Redis;

namespace Lodestar.Gateway.RateLimiting;

/// <summary>
/// One atomic script per request. Optionally it first reads the caller's cached membership (KEYS[1]) and stops when it
/// is missing (the caller reads the database) or is "None" (no token is spent on a caller who may not act there).
/// Then it refills the workspace's bucket (KEYS[2]) for the time elapsed on Redis's clock, so replicas' clocks never
/// matter, and takes a token if there is one, else says how long until there is. Checking and taking in one round trip
/// keeps the edge's per-call cost to a single Redis call.
/// </summary>
public static class RedisTokenBucket
{
    private const string Script = """
        local role = false
        if ARGV[3] == '1' then
          role = redis.call('GET', KEYS[1])
          if not role then return { 0, '' } end
          if role == 'None' then return { 1, role } end
        end
        local rate = tonumber(ARGV[1])
        local burst = tonumber(ARGV[2])
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
        local state = redis.call('HMGET', KEYS[2], 'tokens', 'at')
        local tokens = tonumber(state[1]) or burst
        local at = tonumber(state[2]) or now
        tokens = math.min(burst, tokens + math.max(0, now - at) * rate / 1000000)
        local allowed, wait = 0, 0
        if tokens >= 1 then
          tokens = tokens - 1
          allowed = 1
        else
          wait = math.ceil((1 - tokens) * 1000000 / rate)
        end
        redis.call('HSET', KEYS[2], 'tokens', tostring(tokens), 'at', tostring(now))
        redis.call('PEXPIRE', KEYS[2], math.ceil(burst / rate * 1000) + 1000)
        return { 2, role or '', allowed, wait }
        """;

    /// <summary>Sent by its SHA1 (EVALSHA) on every call; the text only when Redis does not know it (new or restarted).</summary>
#pragma warning disable CA5350 // Redis names scripts by their SHA1: an identifier, not a security measure.
    private static readonly byte[] ScriptHash = System.Security.Cryptography.SHA1.HashData(System.Text.Encoding.UTF8.GetBytes(Script));
#pragma warning restore CA5350

    /// <summary>Takes a token from the bucket at <paramref name="bucketKey"/>.</summary>
    public static async Task<RateLimitDecision> TakeAsync(IDatabase redis, string bucketKey, BucketLimit limit)
    {
        var result = await EvaluateAsync(redis, bucketKey, bucketKey, limit, checkRole: false);
        return Decision(result);
    }

    /// <summary>
    /// The role cached at <paramref name="roleKey"/> (null when not cached) and, unless it is None, a token from the
    /// bucket at <paramref name="bucketKey"/>.
    /// </summary>
    public static async Task<(string? Role, RateLimitDecision Decision)> AdmitAsync(IDatabase redis, string roleKey, string bucketKey, BucketLimit limit)
    {
        var result = await EvaluateAsync(redis, roleKey, bucketKey, limit, checkRole: true);
        return (int)result[0] switch
        {
            0 => (null, RateLimitDecision.Allow),
            1 => ((string)result[1]!, RateLimitDecision.Allow),
            _ => ((string)result[1]!, Decision(result)),
        };
    }

    private static async Task<RedisResult[]> EvaluateAsync(IDatabase redis, string roleKey, string bucketKey, BucketLimit limit, bool checkRole)
    {
        RedisKey[] keys = [roleKey, bucketKey];
        RedisValue[] values =
        [
            limit.PermitsPerSecond.ToString(CultureInfo.InvariantCulture),
            limit.Burst.ToString(CultureInfo.InvariantCulture),
            checkRole ? "1" : "0",
        ];
        try
        {
            return (RedisResult[])(await redis.ScriptEvaluateAsync(ScriptHash, keys, values))!;
        }
        catch (RedisServerException ex) when (ex.Message.StartsWith("NOSCRIPT", StringComparison.Ordinal))
        {
            return (RedisResult[])(await redis.ScriptEvaluateAsync(Script, keys, values))!;
        }
    }

    private static RateLimitDecision Decision(RedisResult[] result) =>
        (int)result[2] == 1 ? RateLimitDecision.Allow : new RateLimitDecision(false, TimeSpan.FromMicroseconds((long)result[3]));
}
