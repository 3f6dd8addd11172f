namespace Lodestar.Metrics.Infrastructure;

/// <summary>Metrics:Experiments: how often running experiments are analysed for an automatic conclusion.</summary>
public sealed class ExperimentOptions
{
    public TimeSpan MonitorInterval { get; set; } = TimeSpan.FromMinutes(15);
}
