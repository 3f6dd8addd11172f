using Lodestar.Backlog.Domain.Ranking;
using Lodestar.Backlog.Domain.Scoring;

namespace Backlog.UnitTests;

public sealed class RankRobustnessTests
{
    private static RobustnessCandidate Certain(double score) =>
        new(Guid.NewGuid(), $"certain {score}", score, _ => score, []);

    /// <summary>Score = the "x" input, uncertain over [low, high].</summary>
    private static RobustnessCandidate Uncertain(double score, double low, double high) =>
        new(Guid.NewGuid(), $"uncertain {score}", score, read => read("x", score), [new InputRange("x", low, high)]);

    [Fact]
    public void Without_ranges_every_item_keeps_its_rank()
    {
        var results = RankRobustness.Analyze([Certain(30), Certain(20), Certain(10)], topN: 3, bandWidth: 1, samples: 1_000, seed: 1);
        Assert.Equal([1, 2, 3], results.Select(r => r.Rank));
        Assert.All(results, r => Assert.Equal((1d, r.Rank, r.Rank), (r.Probability, r.RankP5, r.RankP95)));
    }

    [Fact]
    public void A_wide_range_that_straddles_its_neighbour_loses_its_band_about_as_often_as_the_distribution_says()
    {
        // Triangular(0, 20, 30) falls below 15 with probability 15² ÷ (30 × 20) = 0.375.
        var shaky = Uncertain(20, 0, 30);
        var results = RankRobustness.Analyze([Certain(25), shaky, Certain(15)], topN: 3, bandWidth: 1, samples: 20_000, seed: 42);
        var second = results.Single(r => r.Id == shaky.Id);
        Assert.Equal(2, second.Rank);
        // Rank 2 needs 15 < x < 25: 1 − 0.375 − P(x > 25) where P(x > 25) = 5² ÷ (30 × 10) = 0.0833.
        Assert.Equal(1 - 0.375 - (25d / 300), second.Probability, 1);
        Assert.Equal((1, 3), (second.RankP5, second.RankP95));
    }

    [Fact]
    public void The_same_seed_gives_the_same_answer()
    {
        RobustnessCandidate[] items = [Uncertain(10, 5, 15), Uncertain(9, 4, 14), Certain(8), Uncertain(7, 1, 20)];
        var first = RankRobustness.Analyze(items, 4, 2, 2_000, 99);
        var again = RankRobustness.Analyze(items, 4, 2, 2_000, 99);
        Assert.Equal(first, again);
        Assert.NotEqual(first.Select(r => r.Probability), RankRobustness.Analyze(items, 4, 2, 2_000, 100).Select(r => r.Probability));
    }

    [Fact]
    public void Triangular_samples_stay_in_range_around_the_mode()
    {
        var random = new Random(3);
        var samples = Enumerable.Range(0, 10_000).Select(_ => RankRobustness.Triangular(random, 2, 3, 10)).ToList();
        Assert.All(samples, s => Assert.InRange(s, 2, 10));
        Assert.Equal((2 + 3 + 10) / 3d, samples.Average(), 1);
    }
}
