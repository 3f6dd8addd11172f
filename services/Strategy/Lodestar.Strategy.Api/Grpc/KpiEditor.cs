using Lodestar.Errors;
using Lodestar.Strategy.Domain;
using Lodestar.Strategy.Domain.Kpis;
using V1 = Lodestar.Strategy.V1;

namespace Lodestar.Strategy.Grpc;

/// <summary>A KPI from a create request, and an update mask applied to one; every bad field is named at once.</summary>
internal static class KpiEditor
{
    /// <summary>What an update may change; the metric a KPI reads is fixed at creation.</summary>
    public static readonly string[] Fields = ["display_name", "direction", "target", "at_risk_band", "north_star"];

    /// <summary>The new KPI; its metric key is checked against the product's catalogue by the caller, which reads it.</summary>
    public static Kpi Create(V1.Kpi input, Guid productId)
    {
        Validate(input, Fields).Check("kpi.metric_key", input.MetricKey).ThrowIfAny();
        return new Kpi
        {
            ProductId = productId,
            DisplayName = input.DisplayName.Trim(),
            MetricKey = input.MetricKey,
            Direction = (KpiDirection)input.Direction,
            Target = input.Target,
            AtRiskBand = input.AtRiskBand,
            NorthStar = input.NorthStar,
        };
    }

    public static void Apply(Kpi kpi, V1.Kpi input, IReadOnlyList<string> paths)
    {
        var violations = Validate(input, paths);
        foreach (var path in paths)
        {
            switch (path)
            {
                case "display_name": kpi.DisplayName = input.DisplayName.Trim(); break;
                case "direction": kpi.Direction = (KpiDirection)input.Direction; break;
                case "target": kpi.Target = input.Target; break;
                case "at_risk_band": kpi.AtRiskBand = input.AtRiskBand; break;
                case "north_star": kpi.NorthStar = input.NorthStar; break;
                default: violations.Add("update_mask", $"'{path}' is not an updatable field."); break;
            }
        }
        violations.ThrowIfAny();
    }

    private static Violations Validate(V1.Kpi input, IEnumerable<string> fields)
    {
        var violations = new Violations();
        foreach (var field in fields)
        {
            _ = field switch
            {
                "display_name" => violations.RequiredText("kpi.display_name", input.DisplayName, Kpi.MaxDisplayName),
                "direction" => violations.DefinedEnum("kpi.direction", input.Direction, allowZero: false),
                "target" => double.IsFinite(input.Target) ? violations : violations.Add("kpi.target", "Must be a finite number."),
                "at_risk_band" => double.IsFinite(input.AtRiskBand) && input.AtRiskBand >= 0
                    ? violations : violations.Add("kpi.at_risk_band", "Must be a finite number, zero or more."),
                _ => violations,
            };
        }
        return violations;
    }
}
