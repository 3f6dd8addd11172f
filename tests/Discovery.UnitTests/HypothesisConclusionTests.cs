using Lodestar.Discovery.Domain.Hypotheses;

namespace Discovery.UnitTests;

/// <summary>How a hypothesis takes an experiment's conclusion: held to its minimum effect, never overwritten by an older one.</summary>
public sealed class HypothesisConclusionTests
{
    private static readonly DateTime Noon = new(2027, 5, 3, 12, 0, 0, DateTimeKind.Utc);

    private static ExperimentConclusion Concluded(HypothesisStatus verdict, double? lift, double? low, double? high, DateTime at, Guid? experiment = null) =>
        new(experiment ?? Guid.NewGuid(), verdict, at, 0.01, "treatment", lift, low, high, null);

    [Fact]
    public void A_validating_experiment_validates_only_a_lift_that_reaches_the_minimum_effect()
    {
        var hypothesis = new Hypothesis { Status = HypothesisStatus.Testing, MinimumEffect = 0.10 };
        var small = Concluded(HypothesisStatus.Validated, 0.04, 0.01, 0.07, Noon);

        Assert.True(hypothesis.Conclude(small));
        Assert.Equal((HypothesisStatus.Inconclusive, "inconclusive", 0.10), (hypothesis.Status, hypothesis.Result!.Verdict, hypothesis.Result.MinimumEffect));
        Assert.Contains("smaller than the minimum effect", hypothesis.Result.Reason, StringComparison.Ordinal);
        Assert.Equal(small.ExperimentId, hypothesis.ExperimentId); // an unlinked hypothesis links the experiment that tested it

        var large = Concluded(HypothesisStatus.Validated, 0.15, 0.11, 0.19, Noon.AddHours(1));
        Assert.True(hypothesis.Conclude(large));
        Assert.Equal((HypothesisStatus.Validated, 0.15, large.ExperimentId), (hypothesis.Status, hypothesis.Result!.RelativeLift, hypothesis.Result.ExperimentId));
        Assert.Equal(small.ExperimentId, hypothesis.ExperimentId);
    }

    [Fact]
    public void An_older_conclusion_changes_nothing_and_the_same_status_is_no_change()
    {
        var hypothesis = new Hypothesis { Status = HypothesisStatus.Testing, MinimumEffect = 0.05 };
        Assert.True(hypothesis.Conclude(Concluded(HypothesisStatus.Invalidated, -0.02, -0.04, -0.01, Noon)));
        var kept = hypothesis.Result;

        Assert.False(hypothesis.Conclude(Concluded(HypothesisStatus.Validated, 0.2, 0.1, 0.3, Noon.AddMinutes(-1))));
        Assert.Same(kept, hypothesis.Result);
        Assert.Equal(HypothesisStatus.Invalidated, hypothesis.Status);

        // A later conclusion with the same status refreshes the result but moves nothing to announce.
        Assert.False(hypothesis.Conclude(Concluded(HypothesisStatus.Invalidated, -0.03, -0.05, -0.01, Noon.AddMinutes(1))));
        Assert.Equal(-0.03, hypothesis.Result!.RelativeLift);
    }
}
