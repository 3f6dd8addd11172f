using Lodestar.Persistence;
using Lodestar.Strategy.Domain;

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

    /// <summary>The complete UTC day the latest value describes.</summary>
    public DateOnly? LatestValueDate { get; set; }

    /// <summary>The day of the value that put the KPI in its status (the latest value's day when the thresholds moved it).</summary>
    public DateOnly? StatusDate { get; set; }

    /// <summary>Why the KPI has its status: the value, its day and the threshold it met or missed.</summary>
    public string StatusReason { get; set; } = "";

    /// <summary>The status last announced (KpiStatusChanged), which may lag <see cref="Status"/> while history is caught up.</summary>
    public KpiStatus AnnouncedStatus { get; set; } = KpiStatus.NoData;

    public KpiStatus StatusOf(double? value) => KpiRules.StatusOf(Direction, Target, AtRiskBand, value);

    /// <summary>
    /// Takes the metric's value of a day: the latest day's value sets the status, an earlier day's joins the history
    /// only. Returns the day's history entry (to add, or to replace the day's earlier one).
    /// </summary>
    public KpiValue Record(double value, DateOnly day, DateTime measuredAt)
    {
        if (MetricDays.Supersedes(day, measuredAt, LatestValueDate, LatestMeasureTime))
        {
            LatestValue = value;
            LatestValueDate = day;
            LatestMeasureTime = measuredAt;
        }
        Recompute();
        return new KpiValue { KpiId = Id, Value = value, Date = day, MeasureTime = measuredAt, Status = StatusOf(value) };
    }

    /// <summary>
    /// Whether the status differs from the one last announced, and takes it as announced. A value of an earlier day
    /// (history caught up after an outage or an import) moves the status without announcing it; only the status of the
    /// current value is announced, once, so a breach that ended in the past opens nothing.
    /// </summary>
    public bool Announce(out KpiStatus previous)
    {
        previous = AnnouncedStatus;
        if (Status == AnnouncedStatus) return false;
        AnnouncedStatus = Status;
        return true;
    }

    /// <summary>Recomputes the status and its reason from the latest value (after a value, or the target, band or direction changed).</summary>
    public void Recompute()
    {
        var status = StatusOf(LatestValue);
        if (status != Status) StatusDate = LatestValueDate;
        Status = status;
        StatusReason = KpiRules.Explain(MetricKey, Direction, Target, AtRiskBand, LatestValue, LatestValueDate);
    }
}
