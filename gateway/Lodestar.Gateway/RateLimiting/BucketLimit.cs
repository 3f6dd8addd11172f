namespace Lodestar.Gateway.RateLimiting;

/// <summary>A token bucket: sustained requests per second, and the burst a quiet workspace may spend at once.</summary>
public sealed class BucketLimit
{
    public double PermitsPerSecond { get; set; } = 100;

    public int Burst { get; set; } = 200;

    public bool IsValid => double.IsFinite(PermitsPerSecond) && PermitsPerSecond > 0 && Burst >= 1;
}
