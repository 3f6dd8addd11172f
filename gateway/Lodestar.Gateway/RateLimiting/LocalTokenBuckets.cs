using System.Collections.Concurrent;

namespace Lodestar.Gateway.RateLimiting;

/// <summary>
/// The same token buckets in this replica's memory, used while Redis is unreachable: each replica then enforces the
/// full limit on its own, so N replicas admit up to N times the limit until Redis is back (README).
/// </summary>
public sealed class LocalTokenBuckets(TimeProvider time)
{
    private readonly ConcurrentDictionary<Guid, Bucket> _buckets = new();

    public RateLimitDecision Take(Guid workspaceId, BucketLimit limit)
    {
        var bucket = _buckets.GetOrAdd(workspaceId, _ => new Bucket(limit.Burst, time.GetTimestamp()));
        lock (bucket)
        {
            var now = time.GetTimestamp();
            bucket.Tokens = Math.Min(limit.Burst, bucket.Tokens + time.GetElapsedTime(bucket.At, now).TotalSeconds * limit.PermitsPerSecond);
            bucket.At = now;
            if (bucket.Tokens >= 1)
            {
                bucket.Tokens -= 1;
                return RateLimitDecision.Allow;
            }
            return new RateLimitDecision(false, TimeSpan.FromSeconds((1 - bucket.Tokens) / limit.PermitsPerSecond));
        }
    }

    private sealed class Bucket(double tokens, long at)
    {
        public double Tokens { get; set; } = tokens;

        public long At { get; set; } = at;
    }
}
