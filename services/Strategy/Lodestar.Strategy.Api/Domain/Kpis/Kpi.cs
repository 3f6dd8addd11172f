using Lodestar.Persistence;

namespace Lodestar.Strategy.Domain.Kpis;

/// <summary>A product's KPI: a metric of the metrics service with a target, and its latest value and status.</summary>
public sealed class Kpi : WorkspaceEntity
{
    public const int MaxDisplayName = 120;

    public Guid ProductId { get; set; }

    public string DisplayName { get; set; } = "";

    public string MetricKey { get; set; } = "";

    public KpiDirection Direction { get; set; } = KpiDirection.Up;

    public double Target { get; set; }

    public double AtRiskBand { get; set; }

    public bool NorthStar { get; set; }

    public KpiStatus Status { get; set; } = KpiStatus.NoData;

    public double? LatestValue { get; set; }

    public DateTime? LatestMeasureTime { get; set; }

    public KpiStatus StatusOf(double? value) => KpiRules.StatusOf(Direction, Target, AtRiskBand, value);

    /// <summary>Takes a measured value; a value older than the latest joins the history but does not replace it.</summary>
    public KpiValue Record(double value, DateTime measuredAt)
    {
        if (LatestMeasureTime is not { } latest || measuredAt >= latest)
        {
            LatestValue = value;
            LatestMeasureTime = measuredAt;
        }
        Status = StatusOf(LatestValue);
        return new KpiValue { KpiId = Id, Value = value, MeasureTime = measuredAt, Status = StatusOf(value) };
    }

    /// <summary>Recomputes the status after the target, band or direction changed.</summary>
    public void Recompute() => Status = StatusOf(LatestValue);
}
