namespace Lodestar.Gateway.RateLimiting;

/// <summary>Whether a request may go on, and when a refused one may try again.</summary>
public readonly record struct RateLimitDecision(bool Allowed, TimeSpan RetryAfter)
{
    public static RateLimitDecision Allow { get; } = new(true, TimeSpan.Zero);
}
