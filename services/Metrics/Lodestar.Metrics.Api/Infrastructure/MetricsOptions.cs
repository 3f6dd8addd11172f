namespace Lodestar.Metrics.Infrastructure;

/// <summary>The Metrics configuration section.</summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Metrics";

    /// <summary>Bounds on event times, relative to the service's clock.</summary>
    public IngestionOptions Ingestion { get; set; } = new();

    /// <summary>The automatic analysis of running experiments.</summary>
    public ExperimentOptions Experiments { get; set; } = new();

    /// <summary>The recomputation of metric values.</summary>
    public ValueOptions Values { get; set; } = new();

    /// <summary>Prefix of every Redis key the service writes, so deployments (and tests) can share a Redis.</summary>
    public string RedisKeyPrefix { get; set; } = "lodestar:metrics:";
}
