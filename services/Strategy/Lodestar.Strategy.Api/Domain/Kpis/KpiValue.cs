using Lodestar.Persistence;

namespace Lodestar.Strategy.Domain.Kpis;

/// <summary>One measured value of a KPI, with the status it gave when it arrived.</summary>
public sealed class KpiValue : WorkspaceEntity
{
    public Guid KpiId { get; set; }

    public double Value { get; set; }

    public DateTime MeasureTime { get; set; }

    public KpiStatus Status { get; set; }
}
