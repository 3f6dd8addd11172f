using Lodestar.Persistence;
using Lodestar.Strategy.Domain;

namespace Lodestar.Strategy.Domain.Kpis;

/// <summary>
/// The latest value the metrics service reported for one of a product's metrics, so a KPI or key result bound to the
/// metric later starts from it instead of waiting for the next change (metrics publishes changes only).
/// </summary>
public sealed class MetricReading : WorkspaceEntity
{
    public Guid ProductId { get; set; }

    public string MetricKey { get; set; } = "";

    public double Value { get; set; }

    public DateTime MeasuredAt { get; set; }

    /// <summary>The complete UTC day the value describes (null: kept before the complete-day rule).</summary>
    public DateOnly? Date { get; set; }

    /// <summary>Takes a reported value unless one of a later day is already held (events may arrive out of order).</summary>
    public void Take(double value, DateOnly day, DateTime measuredAt)
    {
        if (!MetricDays.Supersedes(day, measuredAt, Date, MeasuredAt)) return;
        Value = value;
        Date = day;
        MeasuredAt = measuredAt;
    }
}
