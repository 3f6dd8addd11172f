namespace Lodestar.Strategy.Domain.Kpis;

/// <summary>Where a KPI stands; values match lodestar.strategy.v1.KpiStatus.</summary>
public enum KpiStatus
{
    NoData = 1,
    OnTrack = 2,
    AtRisk = 3,
    OffTrack = 4,
}
