using Lodestar.Strategy.Domain.Products;

namespace Strategy.UnitTests;

public sealed class StageSuggestionRuleTests
{
    private static readonly StageSuggestionOptions Options = new();

    private static List<ActivityPoint> History(params double[] users) =>
        users.Select((u, i) => new ActivityPoint { MetricKey = "mau", Date = new DateOnly(2026, 1, 1).AddDays(30 * i), ActiveUsers = u }).ToList();

    [Theory]
    [InlineData(new double[] { 100, 150, 230, 350 }, LifecycleStage.Introduction)]
    [InlineData(new double[] { 10_000, 13_000, 17_000, 22_000 }, LifecycleStage.Growth)]
    [InlineData(new double[] { 50_000, 52_000, 54_000, 56_500 }, LifecycleStage.Growth)]
    [InlineData(new double[] { 80_000, 80_500, 79_800, 80_200 }, LifecycleStage.Maturity)]
    [InlineData(new double[] { 80_000, 76_000, 72_000, 68_000 }, LifecycleStage.Decline)]
    [InlineData(new double[] { 80_000, 70_000, 72_000, 66_000 }, LifecycleStage.Maturity)]
    [InlineData(new double[] { 0, 0, 40, 90 }, LifecycleStage.Introduction)]
    public void Synthetic_histories_get_the_documented_stage(double[] users, LifecycleStage expected)
    {
        var suggestion = StageSuggestionRule.Suggest(History(users), Options, "mau", 30);
        Assert.Equal(expected, suggestion.Stage);
        Assert.Contains(expected.ToString().ToLowerInvariant(), suggestion.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_latest_periods_count()
    {
        var suggestion = StageSuggestionRule.Suggest(History(10, 100, 1_000, 80_000, 76_000, 72_000, 68_000), Options, "mau", 30);
        Assert.Equal((LifecycleStage.Decline, 3, 4), (suggestion.Stage, suggestion.FallingPeriods, suggestion.History.Count));
    }

    [Fact]
    public void A_short_history_suggests_nothing_and_says_why()
    {
        var suggestion = StageSuggestionRule.Suggest(History(100, 200, 300), Options, "mau", 30);
        Assert.Null(suggestion.Stage);
        Assert.Contains("Not enough history: 3 of 4", suggestion.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void The_rule_states_its_thresholds()
    {
        var rule = StageSuggestionRule.Describe(Options, "wau", 7);
        Assert.Contains("10%", rule, StringComparison.Ordinal);
        Assert.Contains("1,000", rule, StringComparison.Ordinal);
        Assert.Contains("'wau' from one 7-day period to the next", rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Periods_are_read_back_from_the_latest_day_one_window_at_a_time_taking_each_periods_latest_value()
    {
        var day = new DateOnly(2026, 12, 6);
        // Daily values for 70 days, except the last day of the second period back (its day before stands in).
        var points = Enumerable.Range(0, 70).Where(i => i != 14).Select(i => new ActivityPoint { MetricKey = "wau", Date = day.AddDays(-i), ActiveUsers = 1000 - i }).ToList();
        var sampled = StagePeriods.Sample(points, 7, 4);
        Assert.Equal([day.AddDays(-21), day.AddDays(-15), day.AddDays(-7), day], sampled.Select(p => p.Date));
        Assert.Equal([979d, 985, 993, 1000], sampled.Select(p => p.ActiveUsers));
    }

    [Fact]
    public void A_period_without_a_value_ends_the_history()
    {
        var day = new DateOnly(2026, 12, 6);
        ActivityPoint[] points = [new() { Date = day, ActiveUsers = 10 }, new() { Date = day.AddDays(-30), ActiveUsers = 9 }, new() { Date = day.AddDays(-90), ActiveUsers = 8 }];
        Assert.Equal([day.AddDays(-30), day], StagePeriods.Sample(points, 30, 4).Select(p => p.Date));
    }
}
