using System.Globalization;
using Lodestar.Metrics.Domain.Statistics;

namespace Lodestar.Metrics.Domain.Experiments;

/// <summary>
/// Turns an experiment's conversions into figures and a recommended verdict. Comparisons against the control use
/// alpha ÷ (variants − 1) (Bonferroni) so more variants do not mean more false winners. The verdict:
/// a sample-ratio mismatch makes the data untrustworthy (inconclusive); a breached guardrail invalidates; an
/// always-valid p-value below alpha decides at any time (validated if the best variant is better, invalidated if
/// worse); at the planned sample the fixed-horizon z-test decides, and no significant difference is inconclusive.
/// </summary>
public static class ExperimentAnalyzer
{
    public static ExperimentFigures Analyze(
        Experiment experiment,
        IReadOnlyDictionary<string, Conversions> arms,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, Conversions>> guardrails)
    {
        var control = arms[experiment.Control.Key];
        var alpha = experiment.Alpha / Math.Max(1, experiment.Variants.Count - 1);
        var figures = experiment.Variants.Select(variant =>
        {
            var conversions = arms[variant.Key];
            if (variant.Control) return new VariantFigures(variant, conversions, null, null, 1, 0.5);
            var sequential = SequentialTest.Evaluate(control, conversions, experiment.MixingVariance, alpha);
            var best = Math.Min(sequential.PValue, experiment.BestSequentialPValues.GetValueOrDefault(variant.Key, 1));
            return new VariantFigures(variant, conversions, ProportionTest.Compare(control, conversions, 1 - alpha), sequential, best,
                BayesianComparison.ChanceToBeatControl(control, conversions));
        }).ToList();
        var sampleRatio = SampleRatioCheck.Of([.. figures.Select(f => f.Conversions.Users)], [.. figures.Select(f => f.Variant.WeightPercent)]);
        var guardrailFigures = Guardrails(experiment, guardrails, alpha);
        var planned = experiment.PlannedUsersPerVariant;
        var plannedReached = figures.All(f => f.Conversions.Users >= planned);
        var challengers = figures.Where(f => !f.Variant.Control).ToList();
        var boundary = challengers.Any(f => f.SequentialPValue < alpha);
        var (verdict, reason, p) = Recommend(challengers, sampleRatio, guardrailFigures, boundary, plannedReached, planned, alpha);
        // The variant a verdict rests on: the strongest by the test that decides (always-valid once it crossed, else fixed-horizon).
        var leader = boundary ? challengers.MinBy(f => f.SequentialPValue) : challengers.MinBy(f => f.Comparison!.PValue);
        return new ExperimentFigures(figures, sampleRatio, guardrailFigures, planned, plannedReached, boundary, verdict, reason, p, leader);
    }

    private static List<GuardrailFigures> Guardrails(
        Experiment experiment, IReadOnlyDictionary<string, IReadOnlyDictionary<string, Conversions>> guardrails, double alpha)
    {
        var results = new List<GuardrailFigures>();
        foreach (var guardrail in experiment.Guardrails)
        {
            var byArm = guardrails[guardrail.EventName];
            var control = byArm[experiment.Control.Key];
            foreach (var variant in experiment.Variants.Where(v => !v.Control))
            {
                var arm = byArm[variant.Key];
                var test = SequentialTest.Evaluate(control, arm, experiment.MixingVariance, alpha);
                var worse = guardrail.Direction == GuardrailDirection.IncreaseIsBad ? arm.Rate > control.Rate : arm.Rate < control.Rate;
                results.Add(new GuardrailFigures(guardrail.EventName, variant.Key, control.Rate, arm.Rate, test.PValue, worse && test.PValue < alpha));
            }
        }
        return results;
    }

    private static (Verdict Verdict, string Reason, double? PValue) Recommend(
        List<VariantFigures> challengers, SampleRatioCheck sampleRatio, List<GuardrailFigures> guardrails, bool boundary, bool plannedReached, long planned, double alpha)
    {
        if (sampleRatio.Mismatch)
            return (Verdict.Inconclusive, $"Sample ratio mismatch (χ² = {F(sampleRatio.ChiSquare)}, p = {F(sampleRatio.PValue)}): the assignment or the exposure logging is broken, so the figures cannot be trusted.", null);
        if (guardrails.FirstOrDefault(g => g.Breached) is { } breach)
            return (Verdict.Invalidated, $"Guardrail {breach.EventName} moved the wrong way in variant {breach.Variant} ({P(breach.ControlRate)} → {P(breach.Rate)}, p = {F(breach.PValue)}).", breach.PValue);
        if (boundary)
        {
            var best = challengers.MinBy(f => f.SequentialPValue)!;
            var better = best.Comparison!.AbsoluteLift > 0;
            return (better ? Verdict.Validated : Verdict.Invalidated,
                $"Variant {best.Variant.Key} is {(better ? "better" : "worse")} than the control ({P(best.Comparison.ControlRate)} → {P(best.Comparison.Rate)}) with always-valid p = {F(best.SequentialPValue)} < {F(alpha)}.",
                best.SequentialPValue);
        }
        if (plannedReached)
        {
            var best = challengers.MinBy(f => f.Comparison!.PValue)!;
            var comparison = best.Comparison!;
            if (comparison.PValue < alpha)
            {
                var better = comparison.AbsoluteLift > 0;
                return (better ? Verdict.Validated : Verdict.Invalidated,
                    $"At the planned sample, variant {best.Variant.Key} is {(better ? "better" : "worse")} than the control ({P(comparison.ControlRate)} → {P(comparison.Rate)}, p = {F(comparison.PValue)}).",
                    comparison.PValue);
            }
            return (Verdict.Inconclusive, $"No significant difference at the planned sample of {planned:N0} users per variant (smallest p = {F(comparison.PValue)}).", comparison.PValue);
        }
        var fewest = challengers.Select(f => f.Conversions.Users).Prepend(long.MaxValue).Min();
        return (Verdict.None, $"Too early: {fewest:N0} of {planned:N0} planned users in the smallest variant, and no always-valid p-value below {F(alpha)} yet.", null);
    }

    private static string F(double value) => value.ToString("G3", CultureInfo.InvariantCulture);

    private static string P(double rate) => rate.ToString("P2", CultureInfo.InvariantCulture);
}
