namespace Lodestar.Metrics.Domain.Statistics;

/// <summary>An always-valid p-value and confidence interval of the difference (mixture SPRT).</summary>
public sealed record SequentialResult(double PValue, double IntervalLow, double IntervalHigh)
{
    public bool Significant(double alpha) => PValue < alpha;
}
