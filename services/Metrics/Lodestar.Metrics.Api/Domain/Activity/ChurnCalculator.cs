namespace Lodestar.Metrics.Domain.Activity;

/// <summary>Churn = users active in the previous period and not in this one ÷ users active in the previous period.</summary>
public static class ChurnCalculator
{
    /// <param name="periodStarts">First day of each period, starting with the one before the first reported.</param>
    /// <param name="active">Users active in each of those periods.</param>
    /// <param name="period">Days, weeks or months.</param>
    public static IReadOnlyList<ChurnPeriod> Series(IReadOnlyList<DateOnly> periodStarts, IReadOnlyList<UserSet> active, CalendarPeriod period)
    {
        if (active.Count != periodStarts.Count) throw new ArgumentException("Expected one active set per period.");
        var series = new List<ChurnPeriod>(Math.Max(0, active.Count - 1));
        for (var p = 1; p < active.Count; p++)
        {
            series.Add(new ChurnPeriod(periodStarts[p], PeriodCalendar.EndOf(period, periodStarts[p]),
                active[p - 1].Count, UserSet.CountIntersection(active[p - 1], active[p]), active[p].Count));
        }
        return series;
    }
}
