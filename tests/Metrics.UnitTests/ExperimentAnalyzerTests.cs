using Lodestar.Metrics.Domain.Experiments;
using Lodestar.Metrics.Domain.Statistics;

namespace Metrics.UnitTests;

public sealed class ExperimentAnalyzerTests
{
    private static Experiment Design(params ExperimentGuardrail[] guardrails) => new()
    {
        Key = "checkout",
        Variants = [new ExperimentVariant("control", 50, true), new ExperimentVariant("treatment", 50, false)],
        ConversionEvent = "purchase",
        Guardrails = [.. guardrails],
        BaselineRate = 0.10,
        MinimumDetectableEffect = 0.20,
    };

    private static Dictionary<string, Conversions> Arms(long controlUsers, long controlConverted, long users, long converted) =>
        new() { ["control"] = new Conversions(controlUsers, controlConverted), ["treatment"] = new Conversions(users, converted) };

    private static ExperimentFigures Analyze(Experiment experiment, Dictionary<string, Conversions> arms, Dictionary<string, Conversions>? guardrail = null) =>
        ExperimentAnalyzer.Analyze(experiment, arms, guardrail is null
            ? new Dictionary<string, IReadOnlyDictionary<string, Conversions>>()
            : new Dictionary<string, IReadOnlyDictionary<string, Conversions>> { ["refund"] = guardrail });

    [Fact]
    public void Early_data_without_a_boundary_gives_no_verdict()
    {
        var figures = Analyze(Design(), Arms(500, 50, 500, 60));

        Assert.Equal(Verdict.None, figures.Recommendation);
        Assert.Equal(3841, figures.PlannedUsersPerVariant);
        Assert.StartsWith("Too early", figures.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_strong_effect_crosses_the_sequential_boundary_before_the_planned_sample()
    {
        var better = Analyze(Design(), Arms(2000, 200, 2000, 320));
        var worse = Analyze(Design(), Arms(2000, 320, 2000, 200));

        Assert.Equal((Verdict.Validated, true, false), (better.Recommendation, better.SequentialBoundaryCrossed, better.PlannedSampleReached));
        Assert.Equal(Verdict.Invalidated, worse.Recommendation);
        Assert.Equal(better.Variants[1].SequentialPValue, better.DecidingPValue);
    }

    [Fact]
    public void At_the_planned_sample_the_fixed_test_decides_and_no_difference_is_inconclusive()
    {
        var flat = Analyze(Design(), Arms(4000, 400, 4000, 410));
        var lifted = Analyze(Design(), Arms(4000, 400, 4000, 470));

        Assert.Equal(Verdict.Inconclusive, flat.Recommendation);
        Assert.True(flat.PlannedSampleReached);
        Assert.Equal(Verdict.Validated, lifted.Recommendation);
        Assert.Equal(ProportionTest.Compare(new(4000, 400), new(4000, 470)).PValue, lifted.DecidingPValue!.Value, 12);
    }

    [Fact]
    public void A_breached_guardrail_invalidates_even_a_winner()
    {
        var guardrail = new Dictionary<string, Conversions> { ["control"] = new(2000, 20), ["treatment"] = new(2000, 120) };

        var figures = Analyze(Design(new ExperimentGuardrail("refund", GuardrailDirection.IncreaseIsBad)), Arms(2000, 200, 2000, 320), guardrail);
        var harmless = Analyze(Design(new ExperimentGuardrail("refund", GuardrailDirection.DecreaseIsBad)), Arms(2000, 200, 2000, 320), guardrail);

        Assert.Equal(Verdict.Invalidated, figures.Recommendation);
        Assert.Contains("refund", figures.Reason, StringComparison.Ordinal);
        Assert.True(Assert.Single(figures.Guardrails).Breached);
        Assert.Equal(Verdict.Validated, harmless.Recommendation);
    }

    [Fact]
    public void A_sample_ratio_mismatch_makes_any_result_inconclusive()
    {
        var figures = Analyze(Design(), Arms(2300, 230, 1700, 400));

        Assert.True(figures.SampleRatio.Mismatch);
        Assert.Equal(Verdict.Inconclusive, figures.Recommendation);
        Assert.Contains("Sample ratio mismatch", figures.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_running_minimum_of_the_sequential_p_value_is_kept()
    {
        var experiment = Design();
        experiment.BestSequentialPValues["treatment"] = 0.2;

        var figures = Analyze(experiment, Arms(100, 10, 100, 10));

        Assert.Equal(0.2, figures.Variants[1].SequentialPValue);
    }

    [Fact]
    public void Assignment_is_deterministic_and_follows_the_weights()
    {
        ExperimentVariant[] variants = [new("a", 10, true), new("b", 30, false), new("c", 60, false)];
        var picks = Enumerable.Range(0, 30_000).Select(i => VariantAssignment.Pick("exp", $"u:{i}", variants)).ToList();

        Assert.Equal(picks, Enumerable.Range(0, 30_000).Select(i => VariantAssignment.Pick("exp", $"u:{i}", variants)));
        Assert.InRange(picks.Count(p => p == "a") / 30_000.0, 0.09, 0.11);
        Assert.InRange(picks.Count(p => p == "c") / 30_000.0, 0.585, 0.615);
        Assert.NotEqual(picks.Take(50), Enumerable.Range(0, 50).Select(i => VariantAssignment.Pick("other", $"u:{i}", variants)));
    }
}
