using Lodestar.Strategy.Domain.Products;

namespace Strategy.UnitTests;

public sealed class StageSuggestionRuleTests
{
    private static readonly StageSuggestionOptions Options = new();

    private static List<ActivityPoint> History(params double[] users) =>
        users.Select((u, i) => new ActivityPoint { MeasuredAt = new DateTime(2026, 1 + i, 1, 0, 0, 0, DateTimeKind.Utc), ActiveUsers = u }).ToList();

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
        var suggestion = StageSuggestionRule.Suggest(History(users), Options);
        Assert.Equal(expected, suggestion.Stage);
        Assert.Contains(expected.ToString().ToLowerInvariant(), suggestion.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_latest_periods_count()
    {
        var suggestion = StageSuggestionRule.Suggest(History(10, 100, 1_000, 80_000, 76_000, 72_000, 68_000), Options);
        Assert.Equal((LifecycleStage.Decline, 3, 4), (suggestion.Stage, suggestion.FallingPeriods, suggestion.History.Count));
    }

    [Fact]
    public void A_short_history_suggests_nothing_and_says_why()
    {
        var suggestion = StageSuggestionRule.Suggest(History(100, 200, 300), Options);
        Assert.Null(suggestion.Stage);
        Assert.Contains("Not enough history: 3 of 4", suggestion.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void The_rule_states_its_thresholds()
    {
        var rule = StageSuggestionRule.Describe(Options);
        Assert.Contains("10%", rule, StringComparison.Ordinal);
        Assert.Contains("1,000", rule, StringComparison.Ordinal);
        Assert.Contains("active_users", rule, StringComparison.Ordinal);
    }
}
