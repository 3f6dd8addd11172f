namespace Lodestar.Strategy.Domain.Products;

/// <summary>
/// The values a stage suggestion compares: one per complete period of the metric's window, ending on the latest day with
/// a value and stepping back a period at a time (the value of each period's last day, or of its latest day with one).
/// </summary>
public static class StagePeriods
{
    /// <param name="points">The metric's daily values, any order.</param>
    /// <param name="periodDays">Days per period.</param>
    /// <param name="count">How many period ends, at most.</param>
    /// <returns>The period ends found, oldest first; stops at the first period without a value.</returns>
    public static IReadOnlyList<ActivityPoint> Sample(IEnumerable<ActivityPoint> points, int periodDays, int count)
    {
        var byDay = points.OrderByDescending(p => p.Date).ToList();
        if (byDay.Count == 0) return [];
        var sampled = new List<ActivityPoint>();
        var end = byDay[0].Date;
        for (var i = 0; i < count; i++, end = end.AddDays(-periodDays))
        {
            var start = end.AddDays(-(periodDays - 1));
            if (byDay.FirstOrDefault(p => p.Date <= end && p.Date >= start) is not { } point) break;
            sampled.Add(point);
        }
        sampled.Reverse();
        return sampled;
    }
}
