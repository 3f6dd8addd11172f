using Lodestar.Strategy.Domain.Goals;

namespace Strategy.UnitTests;

public sealed class KeyResultProgressTests
{
    [Theory]
    [InlineData(20, 40, 20, 0)]
    [InlineData(20, 40, 30, 0.5)]
    [InlineData(20, 40, 40, 1)]
    [InlineData(20, 40, 50, 1)]
    [InlineData(20, 40, 10, 0)]
    [InlineData(8, 4, 6, 0.5)]
    [InlineData(8, 4, 4, 1)]
    [InlineData(8, 4, 2, 1)]
    [InlineData(8, 4, 9, 0)]
    [InlineData(-10, 10, 0, 0.5)]
    public void Progress_is_the_share_of_the_way_from_baseline_to_target_clamped(double baseline, double target, double current, double progress) =>
        Assert.Equal(progress, new KeyResult { Baseline = baseline, Target = target, CurrentValue = current }.Progress, 9);

    [Fact]
    public void Without_a_value_there_is_no_progress() => Assert.Equal(0, new KeyResult { Baseline = 1, Target = 2 }.Progress);

    [Fact]
    public void A_goal_progresses_by_the_mean_of_its_key_results()
    {
        KeyResult[] results = [new() { Baseline = 0, Target = 10, CurrentValue = 5 }, new() { Baseline = 10, Target = 0, CurrentValue = 0 }];
        Assert.Equal(0.75, Goal.ProgressOf(results), 9);
        Assert.Equal(0, Goal.ProgressOf([]));
    }

    [Fact]
    public void An_earlier_day_does_not_replace_a_later_one_even_computed_later_and_a_correction_of_the_day_does()
    {
        var result = new KeyResult { Baseline = 0, Target = 10 };
        var now = DateTime.UtcNow;
        var day = new DateOnly(2026, 12, 5);
        Assert.True(result.Measure(7, day, now));
        Assert.False(result.Measure(3, day.AddDays(-1), now.AddMinutes(1)));
        Assert.False(result.Measure(4, day, now.AddMinutes(-1)));
        Assert.Equal((7d, day), (result.CurrentValue, result.CurrentValueDate));
        Assert.True(result.Measure(8, day, now.AddMinutes(2)));
        Assert.Equal(8, result.CurrentValue);
    }
}
