namespace Lodestar.Strategy.Domain.Kpis;

/// <summary>
/// The KPI status rule. Up (higher is better): value ≥ target → on track; target − band ≤ value &lt; target → at risk;
/// lower → off track. Down mirrors it: value ≤ target → on track; target &lt; value ≤ target + band → at risk; higher →
/// off track. No value → no data.
/// </summary>
public static class KpiRules
{
    public static KpiStatus StatusOf(KpiDirection direction, double target, double atRiskBand, double? value)
    {
        if (value is not { } v) return KpiStatus.NoData;
        // Distance by which the target is missed, in the metric's unit; ≤ 0 means met.
        var shortfall = direction == KpiDirection.Up ? target - v : v - target;
        return shortfall <= 0 ? KpiStatus.OnTrack
            : shortfall <= atRiskBand ? KpiStatus.AtRisk
            : KpiStatus.OffTrack;
    }
}
