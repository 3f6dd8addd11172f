namespace Lodestar.Metrics.Infrastructure;

/// <summary>Metrics:Values: how often changed products have their metric values recomputed.</summary>
public sealed class ValueOptions
{
    public TimeSpan RecomputeInterval { get; set; } = TimeSpan.FromMinutes(1);
}
