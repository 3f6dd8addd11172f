using Lodestar.Api;
using Lodestar.Errors;
using Lodestar.Metrics.Domain.Events;
using Lodestar.Metrics.Domain.Experiments;
using Lodestar.Metrics.Infrastructure;
using V1 = Lodestar.Metrics.V1;

namespace Lodestar.Metrics.Grpc;

/// <summary>Applies the fields of an experiment message, validating all of them before anything changes.</summary>
public static class ExperimentEditor
{
    public static readonly string[] DesignFields =
        ["variants", "conversion_event", "guardrails", "hypothesis", "baseline_conversion_rate", "minimum_detectable_effect", "power", "alpha"];

    public static readonly string[] Fields = ["display_name", "description", .. DesignFields];

    /// <summary>Applies <paramref name="paths"/>; INVALID_ARGUMENT with these and any <paramref name="earlier"/> violations.</summary>
    public static void Apply(Experiment experiment, V1.Experiment input, IReadOnlyCollection<string> paths, Violations? earlier = null)
    {
        var violations = earlier ?? new Violations();
        if (experiment.State != ExperimentState.Draft && paths.Intersect(DesignFields).FirstOrDefault() is { } design)
            throw new FailedPreconditionException($"{design} changes only in draft: changing the design of a {experiment.State.ToString().ToLowerInvariant()} experiment would void its analysis.");
        var variants = paths.Contains("variants") ? input.Variants.Select(v => new ExperimentVariant(v.Key, v.WeightPercent, v.Control)).ToList() : experiment.Variants;
        var conversion = paths.Contains("conversion_event") ? input.ConversionEvent : experiment.ConversionEvent;
        var guardrails = paths.Contains("guardrails")
            ? input.Guardrails.Select(g => new ExperimentGuardrail(g.EventName, g.Direction == V1.GuardrailDirection.DecreaseIsBad ? GuardrailDirection.DecreaseIsBad : GuardrailDirection.IncreaseIsBad)).ToList()
            : experiment.Guardrails;
        var baseline = paths.Contains("baseline_conversion_rate") ? input.BaselineConversionRate : experiment.BaselineRate;
        var effect = paths.Contains("minimum_detectable_effect") ? input.MinimumDetectableEffect : experiment.MinimumDetectableEffect;
        var power = paths.Contains("power") ? (input.Power == 0 ? 0.8 : input.Power) : experiment.Power;
        var alpha = paths.Contains("alpha") ? (input.Alpha == 0 ? 0.05 : input.Alpha) : experiment.Alpha;
        var hypothesis = paths.Contains("hypothesis") ? ResourceNames.ParseOptionalId(input.Hypothesis, MetricsNames.Hypotheses, "experiment.hypothesis", violations) : experiment.HypothesisId;

        if (paths.Contains("display_name")) violations.RequiredText("experiment.display_name", input.DisplayName, Experiment.MaxDisplayName);
        if (paths.Contains("description")) violations.OptionalText("experiment.description", input.Description, Experiment.MaxDescription);
        if (paths.Contains("variants")) ExperimentRules.CheckVariants(violations, "experiment.variants", variants);
        if (paths.Contains("conversion_event") && !EventRules.IsEventName(conversion)) violations.Add("experiment.conversion_event", string.IsNullOrEmpty(conversion) ? "Required." : "Not an event name.");
        if (paths.Contains("guardrails")) ExperimentRules.CheckGuardrails(violations, "experiment.guardrails", guardrails, conversion);
        if (paths.Intersect(["baseline_conversion_rate", "minimum_detectable_effect", "power", "alpha"]).Any())
            ExperimentRules.CheckDesign(violations, "experiment.", baseline, effect, power, alpha);
        violations.ThrowIfAny();

        if (paths.Contains("display_name")) experiment.DisplayName = input.DisplayName.Trim();
        if (paths.Contains("description")) experiment.Description = input.Description.Trim();
        (experiment.Variants, experiment.ConversionEvent, experiment.Guardrails, experiment.HypothesisId) = (variants, conversion, guardrails, hypothesis);
        (experiment.BaselineRate, experiment.MinimumDetectableEffect, experiment.Power, experiment.Alpha) = (baseline, effect, power, alpha);
    }
}
