namespace Lodestar.Metrics.Domain.Statistics;

/// <summary>A variant's conversion against the control's: lift, its 95 % interval, and the two-sided z-test.</summary>
public sealed record ProportionComparison(
    double ControlRate, double Rate, double AbsoluteLift, double? RelativeLift, double IntervalLow, double IntervalHigh, double Z, double PValue);
