namespace Lodestar.Errors;

/// <summary>The caller used up a quota; maps to RESOURCE_EXHAUSTED with a RetryInfo saying when to try again.</summary>
public sealed class ResourceExhaustedException(string message, TimeSpan retryAfter) : LodestarException(message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
