namespace Lodestar.Metrics.Domain.Experiments;

/// <summary>What an experiment showed about its hypothesis (the names discovery's hypothesis statuses take).</summary>
public enum Verdict
{
    None = 0,
    Validated = 1,
    Invalidated = 2,
    Inconclusive = 3,
}
