using Lodestar.Persistence;

namespace Lodestar.Strategy.Domain.Kpis;

/// <summary>A KPI's value of one day, with the status it gives; a correction of the day replaces it.</summary>
public sealed class KpiValue : WorkspaceEntity
{
    public Guid KpiId { get; set; }

    public double Value { get; set; }

    public DateTime MeasureTime { get; set; }

    /// <summary>The complete UTC day the value describes (null: recorded before the complete-day rule).</summary>
    public DateOnly? Date { get; set; }

    public KpiStatus Status { get; set; }
}
