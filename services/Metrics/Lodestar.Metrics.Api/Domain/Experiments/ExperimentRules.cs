using System.Text.RegularExpressions;
using Lodestar.Errors;
using Lodestar.Metrics.Domain.Events;

namespace Lodestar.Metrics.Domain.Experiments;

/// <summary>What a sound experiment design looks like.</summary>
public static partial class ExperimentRules
{
    public const int MaxVariants = 10;
    public const int MaxGuardrails = 5;

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex KeyPattern();

    public static bool IsKey(string key) => KeyPattern().IsMatch(key);

    public static void CheckKey(Violations violations, string field, string key)
    {
        if (!IsKey(key)) violations.Add(field, string.IsNullOrEmpty(key) ? "Required." : "1–64 lowercase letters, digits, - and _, starting with a letter or digit.");
    }

    public static void CheckVariants(Violations violations, string field, IReadOnlyList<ExperimentVariant> variants)
    {
        if (variants.Count is < 2 or > MaxVariants)
        {
            violations.Add(field, $"2–{MaxVariants} variants; got {variants.Count}.");
            return;
        }
        for (var i = 0; i < variants.Count; i++)
        {
            CheckKey(violations, $"{field}[{i}].key", variants[i].Key);
            if (!(variants[i].WeightPercent > 0 && variants[i].WeightPercent <= 100))
                violations.Add($"{field}[{i}].weight_percent", "More than 0 and at most 100.");
        }
        if (variants.GroupBy(v => v.Key).Any(g => g.Count() > 1)) violations.Add(field, "Variant keys must be unique.");
        var controls = variants.Count(v => v.Control);
        if (controls != 1) violations.Add(field, $"Exactly one variant is the control; got {controls}.");
        var total = variants.Sum(v => v.WeightPercent);
        if (Math.Abs(total - 100) > 1e-6) violations.Add(field, $"Weights must sum to 100 %; they sum to {total:0.####} %.");
    }

    public static void CheckGuardrails(Violations violations, string field, IReadOnlyList<ExperimentGuardrail> guardrails, string conversionEvent)
    {
        if (guardrails.Count > MaxGuardrails) violations.Add(field, $"At most {MaxGuardrails}.");
        for (var i = 0; i < guardrails.Count; i++)
        {
            if (!EventRules.IsEventName(guardrails[i].EventName)) violations.Add($"{field}[{i}].event_name", "Not an event name.");
            else if (guardrails[i].EventName == conversionEvent) violations.Add($"{field}[{i}].event_name", "The conversion event cannot be its own guardrail.");
        }
    }

    public static void CheckDesign(Violations violations, string prefix, double baseline, double effect, double power, double alpha)
    {
        if (!(baseline > 0 && baseline < 1)) violations.Add($"{prefix}baseline_conversion_rate", "Strictly between 0 and 1.");
        if (!(effect >= 0.001 && effect <= 10)) violations.Add($"{prefix}minimum_detectable_effect", "0.001–10 (a relative change: 0.1 is 10 %).");
        else if (baseline > 0 && baseline < 1 && baseline * (1 + effect) >= 1)
            violations.Add($"{prefix}minimum_detectable_effect", $"The lifted rate {baseline * (1 + effect):0.###} would reach 100 %.");
        if (!(power >= 0.5 && power <= 0.99)) violations.Add($"{prefix}power", "0.5–0.99.");
        if (!(alpha >= 0.001 && alpha <= 0.2)) violations.Add($"{prefix}alpha", "0.001–0.2.");
    }
}
