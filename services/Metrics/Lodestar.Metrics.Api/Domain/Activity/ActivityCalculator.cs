namespace Lodestar.Metrics.Domain.Activity;

/// <summary>DAU, WAU (7 days ending the day) and MAU (30 days ending the day), exactly, from daily active-user sets.</summary>
public static class ActivityCalculator
{
    public const int WeekDays = 7;
    public const int MonthDays = 30;

    /// <summary>The first day whose activity the series from <paramref name="startDay"/> needs.</summary>
    public static int FirstDayNeeded(int startDay) => startDay - (MonthDays - 1);

    /// <param name="activeSets">Active users of each day from <see cref="FirstDayNeeded"/> to <paramref name="endDay"/>.</param>
    /// <param name="startDay">First day of the series (day number).</param>
    /// <param name="endDay">Last day of the series.</param>
    public static IReadOnlyList<DailyActivity> Series(IReadOnlyList<UserSet> activeSets, int startDay, int endDay)
    {
        var first = FirstDayNeeded(startDay);
        if (activeSets.Count != endDay - first + 1)
            throw new ArgumentException($"Expected {endDay - first + 1} daily sets, got {activeSets.Count}.", nameof(activeSets));
        var weekly = SlidingUnion.Counts(activeSets, WeekDays);
        var monthly = SlidingUnion.Counts(activeSets, MonthDays);
        var series = new List<DailyActivity>(endDay - startDay + 1);
        for (var day = startDay; day <= endDay; day++)
        {
            var i = day - first;
            series.Add(new DailyActivity(day, activeSets[i].Count, weekly[i], monthly[i]));
        }
        return series;
    }
}
