using System.Globalization;

namespace Lodestar.Strategy.Domain.Products;

/// <summary>
/// Suggests a lifecycle stage from active users per period, looking at the last N period-over-period changes:
/// falling in each of them → decline; mean growth above the fast threshold → introduction while below the low base,
/// growth above it; mean growth within the flat band → maturity; growing more slowly than fast → growth; otherwise
/// (shrinking, but not in every period) → maturity.
/// </summary>
public static class StageSuggestionRule
{
    public static string Describe(StageSuggestionOptions o, string metricKey, int periodDays) => string.Create(CultureInfo.InvariantCulture,
        $"Over the last {o.Periods} changes of '{metricKey}' from one {periodDays}-day period to the next (the value on each period's last complete day): falling in every one of them (by more than {Percent(o.FlatBand)}) → decline; " +
        $"mean growth above {Percent(o.FastGrowth)} → introduction below {o.LowBase:N0} active users, growth from there; " +
        $"mean growth within ±{Percent(o.FlatBand)} → maturity; slower growth → growth; a mixed fall → maturity.");

    private static string Percent(double share) => (share * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    /// <param name="history">Active-user points, one per period, oldest first (<see cref="StagePeriods.Sample"/>).</param>
    /// <param name="options">The thresholds.</param>
    /// <param name="metricKey">The metric the points are of.</param>
    /// <param name="periodDays">Days per period.</param>
    public static StageSuggestion Suggest(IReadOnlyList<ActivityPoint> history, StageSuggestionOptions options, string metricKey, int periodDays)
    {
        var rule = Describe(options, metricKey, periodDays);
        var window = history.TakeLast(options.Periods + 1).ToList();
        if (window.Count < options.Periods + 1)
            return new StageSuggestion(null, rule, $"Not enough history: {window.Count} of {options.Periods + 1} periods.", window, 0, 0);

        var growth = window.Zip(window.Skip(1), (previous, next) =>
            previous.ActiveUsers <= 0 ? (next.ActiveUsers > 0 ? 1.0 : 0.0) : (next.ActiveUsers - previous.ActiveUsers) / previous.ActiveUsers).ToList();
        var average = growth.Average();
        var falling = growth.AsEnumerable().Reverse().TakeWhile(g => g < -options.FlatBand).Count();
        var latest = window[^1].ActiveUsers;

        var (stage, why) =
            falling == options.Periods ? (LifecycleStage.Decline, $"active users fell in each of the last {falling} periods")
            : average > options.FastGrowth && latest < options.LowBase ? (LifecycleStage.Introduction, $"fast growth ({Percent(average)} a period) from a low base ({latest:N0} users)")
            : average > options.FastGrowth ? (LifecycleStage.Growth, $"fast growth ({Percent(average)} a period) at {latest:N0} users")
            : Math.Abs(average) <= options.FlatBand ? (LifecycleStage.Maturity, $"flat adoption ({Percent(average)} a period)")
            : average > 0 ? (LifecycleStage.Growth, $"steady growth ({Percent(average)} a period)")
            : (LifecycleStage.Maturity, $"a mixed fall ({Percent(average)} a period, {falling} falling in a row)");
        return new StageSuggestion(stage, rule, string.Create(CultureInfo.InvariantCulture, $"Suggests {stage.ToString().ToLowerInvariant()}: {why}."),
            window, average, falling);
    }
}
