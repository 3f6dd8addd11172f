namespace Lodestar.Metrics.Domain.Experiments;

/// <summary>Where an experiment is in its life: designed, running, concluded.</summary>
public enum ExperimentState
{
    Draft = 1,
    Running = 2,
    Concluded = 3,
}
