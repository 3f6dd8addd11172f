namespace Lodestar.Metrics.Domain.Activity;

/// <summary>
/// The retention matrix: for cohort i and N = 0..k, the cohort's users active in period i+N ("on") and in period i+N or
/// any later one up to today ("on or after").
/// </summary>
public static class RetentionCalculator
{
    /// <param name="periodStarts">First day of each period from the first cohort to the last cohort + k.</param>
    /// <param name="cohorts">Users first seen in each cohort period (the first <c>cohorts.Count</c> periods).</param>
    /// <param name="active">Users active in each period of <paramref name="periodStarts"/>.</param>
    /// <param name="activeAfter">Users active after the last period of <paramref name="periodStarts"/>, up to today.</param>
    /// <param name="k">The largest N.</param>
    /// <param name="period">Days, weeks or months.</param>
    /// <param name="today">Periods ending before today are complete.</param>
    public static IReadOnlyList<CohortRow> Matrix(
        IReadOnlyList<DateOnly> periodStarts, IReadOnlyList<UserSet> cohorts, IReadOnlyList<UserSet> active, UserSet activeAfter,
        int k, CalendarPeriod period, DateOnly today)
    {
        if (active.Count != periodStarts.Count || periodStarts.Count != cohorts.Count + k)
            throw new ArgumentException("Expected one active set per period, and cohorts + k periods.");
        var onOrAfter = new UserSet[active.Count];
        var running = activeAfter.Copy();
        for (var j = active.Count - 1; j >= 0; j--)
        {
            running.UnionWith(active[j]);
            onOrAfter[j] = running.Copy();
        }
        var rows = new List<CohortRow>(cohorts.Count);
        for (var i = 0; i < cohorts.Count; i++)
        {
            var cohort = cohorts[i];
            var cells = new List<RetentionCell>(k + 1);
            for (var n = 0; n <= k; n++)
            {
                var j = i + n;
                var complete = PeriodCalendar.EndOf(period, periodStarts[j]) < today;
                cells.Add(new RetentionCell(n, UserSet.CountIntersection(cohort, active[j]), UserSet.CountIntersection(cohort, onOrAfter[j]), complete));
            }
            rows.Add(new CohortRow(periodStarts[i], cohort.Count, cells));
        }
        return rows;
    }
}
