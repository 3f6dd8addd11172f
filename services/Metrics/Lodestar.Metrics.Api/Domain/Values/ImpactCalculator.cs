using Lodestar.Metrics.Domain.Activity;

namespace Lodestar.Metrics.Domain.Values;

/// <summary>A daily metric's mean over the window before a release day and the window from it on.</summary>
public static class ImpactCalculator
{
    public sealed record Window(int FirstDay, int LastDay, int Days, double Mean);

    public sealed record Impact(Window Before, Window After, bool Complete)
    {
        /// <summary>0 until the after window has a complete day.</summary>
        public double AbsoluteChange => After.Days == 0 ? 0 : After.Mean - Before.Mean;

        public double? RelativeChange => Before.Mean == 0 || After.Days == 0 ? null : AbsoluteChange / Before.Mean;
    }

    /// <param name="series">The metric's days from releaseDay − windowDays to min(lastComplete, releaseDay + windowDays − 1).</param>
    /// <param name="metricKey">dau, wau, mau or stickiness.</param>
    /// <param name="releaseDay">The release's UTC day number.</param>
    /// <param name="windowDays">Days per window.</param>
    /// <param name="lastComplete">The last complete UTC day's number: the after window stops there (a running day reads low).</param>
    public static Impact Compare(IReadOnlyList<DailyActivity> series, string metricKey, int releaseDay, int windowDays, int lastComplete)
    {
        var before = series.Where(d => d.Day < releaseDay).ToList();
        var after = series.Where(d => d.Day >= releaseDay && d.Day <= lastComplete).ToList();
        return new Impact(
            Summarise(before, releaseDay - windowDays, releaseDay - 1, metricKey),
            Summarise(after, releaseDay, Math.Min(lastComplete, releaseDay + windowDays - 1), metricKey),
            releaseDay + windowDays - 1 <= lastComplete);
    }

    private static Window Summarise(List<DailyActivity> days, int first, int last, string key) =>
        new(first, last, days.Count, days.Count == 0 ? 0 : days.Average(d => MetricKeys.Of(d, key)));
}
