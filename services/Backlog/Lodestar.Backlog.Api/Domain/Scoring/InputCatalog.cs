using Lodestar.Backlog.Domain.Products;
using Lodestar.Errors;

namespace Lodestar.Backlog.Domain.Scoring;

/// <summary>The numeric inputs a range may be given for, with their scales.</summary>
public static class InputCatalog
{
    public const int MaxRanges = 20;
    private const double JustAboveZero = 0.001;

    public static void ValidateRanges(Violations violations, string field, PriorityInputs inputs, IReadOnlyList<Criterion> criteria)
    {
        if (inputs.Ranges.Count > MaxRanges) violations.Add(field, $"At most {MaxRanges} ranges; got {inputs.Ranges.Count}.");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < inputs.Ranges.Count && i < MaxRanges; i++)
        {
            var range = inputs.Ranges[i];
            var at = $"{field}[{i}]";
            if (!seen.Add(range.Input))
            {
                violations.Add($"{at}.input", $"'{range.Input}' has a range already.");
                continue;
            }
            if (Lookup(range.Input, inputs, criteria) is not { } input)
            {
                violations.Add($"{at}.input", $"'{range.Input}' is not a numeric input with a typed value on this item.");
                continue;
            }
            if (!RiceInputs.InRange(range.Low, input.Min, input.Max) || !RiceInputs.InRange(range.High, input.Min, input.Max))
                violations.Add(at, $"Low and high must lie within {input.Min}–{input.Max}; got {range.Low}–{range.High}.");
            else if (range.Low > input.Typed || range.High < input.Typed)
                violations.Add(at, $"The range {range.Low}–{range.High} must contain the typed value {input.Typed}.");
        }
    }

    private static (double Typed, double Min, double Max)? Lookup(string path, PriorityInputs inputs, IReadOnlyList<Criterion> criteria) => path switch
    {
        "rice.reach" when inputs.Rice is { } r => (r.Reach, 0, RiceInputs.MaxReach),
        "rice.impact" when inputs.Rice is { } r => (r.Impact, 0.25, 3),
        "rice.confidence" when inputs.Rice is { } r => (r.Confidence, 0, 100),
        "rice.effort" when inputs.Rice is { } r => (r.Effort, JustAboveZero, RiceInputs.MaxEffort),
        "ice.impact" when inputs.Ice is { } c => (c.Impact, 1, 10),
        "ice.confidence" when inputs.Ice is { } c => (c.Confidence, 1, 10),
        "ice.ease" when inputs.Ice is { } c => (c.Ease, 1, 10),
        "wsjf.user_business_value" when inputs.Wsjf is { } w => (w.UserBusinessValue, 0, WsjfInputs.MaxValue),
        "wsjf.time_criticality" when inputs.Wsjf is { } w => (w.TimeCriticality, 0, WsjfInputs.MaxValue),
        "wsjf.risk_reduction" when inputs.Wsjf is { } w => (w.RiskReduction, 0, WsjfInputs.MaxValue),
        "wsjf.job_size" when inputs.Wsjf is { } w => (w.JobSize, JustAboveZero, WsjfInputs.MaxValue),
        "value_effort.value" when inputs.ValueEffort is { } v => (v.Value, 1, 10),
        "value_effort.effort" when inputs.ValueEffort is { } v => (v.Effort, 1, 10),
        _ when path.StartsWith("weighted.", StringComparison.Ordinal) && criteria.Any(c => c.Key == path[9..])
               && inputs.Weighted.TryGetValue(path[9..], out var score) => (score, 0, WeightedModel.MaxScore),
        _ => null,
    };
}
