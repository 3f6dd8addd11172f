using Lodestar.Errors;
using Lodestar.Metrics.Domain.Experiments;
using Lodestar.Metrics.Domain.Statistics;

namespace Metrics.UnitTests;

/// <summary>An experiment's own rules: draft → running → concluded, the verdict it concludes with, and the p-values it remembers.</summary>
public sealed class ExperimentLifecycleTests
{
    private static readonly DateTime Monday = new(2027, 4, 5, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_draft_starts_once_and_only_a_draft_is_deleted_while_users_are_assigned_only_after_the_start()
    {
        var experiment = new Experiment();
        experiment.EnsureDeletable();
        Assert.Throws<FailedPreconditionException>(experiment.EnsureAssignable);
        Assert.Throws<FailedPreconditionException>(experiment.EnsureRunning);

        experiment.Start(Monday);
        Assert.Equal((ExperimentState.Running, (DateTime?)Monday), (experiment.State, experiment.StartTime));
        experiment.EnsureAssignable();
        Assert.Contains("already running", Assert.Throws<FailedPreconditionException>(() => experiment.Start(Monday)).Message, StringComparison.Ordinal);
        Assert.Throws<FailedPreconditionException>(experiment.EnsureDeletable);
    }

    [Fact]
    public void Concluding_takes_the_requested_verdict_else_the_recommendation_else_inconclusive_and_says_who_overrode()
    {
        var followed = Running();
        followed.Conclude(Verdict.None, null, Verdict.Validated, "B wins.", automatic: true, Monday);
        Assert.Equal((ExperimentState.Concluded, Verdict.Validated, "B wins.", true, (DateTime?)Monday),
            (followed.State, followed.Verdict, followed.ConclusionReason, followed.ConcludedAutomatically, followed.EndTime));
        Assert.Throws<FailedPreconditionException>(() => followed.Conclude(Verdict.None, null, Verdict.None, "", false, Monday));

        var overridden = Running();
        overridden.Conclude(Verdict.Invalidated, " ", Verdict.Validated, "B wins.", automatic: false, Monday);
        Assert.Equal((Verdict.Invalidated, "Concluded as invalidated by request. B wins."), (overridden.Verdict, overridden.ConclusionReason));

        var explained = Running();
        explained.Conclude(Verdict.None, "  Out of budget.  ", Verdict.None, "Too few users.", automatic: false, Monday);
        Assert.Equal((Verdict.Inconclusive, "Out of budget."), (explained.Verdict, explained.ConclusionReason));
    }

    [Fact]
    public void Remembered_p_values_only_fall_and_only_while_running()
    {
        var experiment = Running();
        Assert.True(experiment.RememberSequentialPValues([KeyValuePair.Create("b", 0.2)]));
        Assert.False(experiment.RememberSequentialPValues([KeyValuePair.Create("b", 0.3)]));
        Assert.True(experiment.RememberSequentialPValues([KeyValuePair.Create("b", 0.1), KeyValuePair.Create("c", 0.5)]));
        Assert.Equal(new Dictionary<string, double> { ["b"] = 0.1, ["c"] = 0.5 }, experiment.BestSequentialPValues);

        experiment.Conclude(Verdict.None, null, Verdict.None, "", false, Monday);
        Assert.False(experiment.RememberSequentialPValues([KeyValuePair.Create("b", 0.01)]));
    }

    [Fact]
    public void A_sample_size_plan_splits_alpha_among_the_comparisons_and_rounds_the_days_up()
    {
        var two = SampleSizePlan.For(0.1, 0.2, 0.05, 0.8, variants: 2, dailyUsers: 1_000);
        Assert.Equal(SampleSize.PerVariant(0.1, 0.2, 0.05, 0.8), two.UsersPerVariant);
        Assert.Equal((two.UsersPerVariant * 2, (int)Math.Ceiling(two.UsersPerVariant * 2 / 1_000d)), (two.TotalUsers, two.Days));

        var three = SampleSizePlan.For(0.1, 0.2, 0.05, 0.8, variants: 3, dailyUsers: 0);
        Assert.Equal((SampleSize.PerVariant(0.1, 0.2, 0.025, 0.8), 0), (three.UsersPerVariant, three.Days));
    }

    private static Experiment Running()
    {
        var experiment = new Experiment();
        experiment.Start(Monday.AddDays(-14));
        return experiment;
    }
}
