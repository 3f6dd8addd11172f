using System.Globalization;

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

    /// <summary>The status in words: the value, its day, and the threshold it met or missed.</summary>
    public static string Explain(string metricKey, KpiDirection direction, double target, double atRiskBand, double? value, DateOnly? day)
    {
        if (value is not { } v) return $"No value of {metricKey} yet.";
        var up = direction == KpiDirection.Up;
        var reading = string.Create(CultureInfo.InvariantCulture, $"{metricKey} was {v:#,0.####}{(day is { } d ? $" on {d:yyyy-MM-dd}" : "")}");
        var goal = string.Create(CultureInfo.InvariantCulture, $"the target {target:#,0.####}");
        var band = string.Create(CultureInfo.InvariantCulture, $"the at-risk band of {atRiskBand:#,0.####}");
        return StatusOf(direction, target, atRiskBand, value) switch
        {
            KpiStatus.OnTrack => $"{reading}: {(up ? "at or above" : "at or below")} {goal}.",
            KpiStatus.AtRisk => $"{reading}: {(up ? "below" : "above")} {goal}, within {band}.",
            _ => $"{reading}: {(up ? "below" : "above")} {goal} by more than {band}.",
        };
    }
}
