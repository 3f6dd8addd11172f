using Lodestar.Metrics.Domain.Activity;

namespace Metrics.UnitTests;

public sealed class RetentionAndChurnTests
{
    private static readonly DateOnly Start = new(2026, 1, 5);

    [Fact]
    public void Retention_counts_on_and_on_or_after_including_activity_after_the_matrix()
    {
        // Cohort day 0: users 0–3. Day 1: user 0; day 2: users 1, 2; after the matrix: user 3.
        var starts = Enumerable.Range(0, 3).Select(i => Start.AddDays(i)).ToList();
        var cohorts = new[] { UserSet.Of([0, 1, 2, 3]) };
        var active = new[] { UserSet.Of([0, 1, 2, 3]), UserSet.Of([0]), UserSet.Of([1, 2, 9]) };

        var row = Assert.Single(RetentionCalculator.Matrix(starts, cohorts, active, UserSet.Of([3]), 2, CalendarPeriod.Day, Start.AddDays(2)));

        Assert.Equal(4, row.Users);
        Assert.Equal([4L, 1, 2], row.Cells.Select(c => c.UsersOn));
        Assert.Equal([4L, 4, 3], row.Cells.Select(c => c.UsersOnOrAfter));
        Assert.Equal([true, true, false], row.Cells.Select(c => c.Complete));
        Assert.Equal(0.25, row.Cells[1].RateOn(row.Users));
    }

    [Fact]
    public void Churn_is_the_share_of_the_previous_periods_users_not_seen_again()
    {
        var starts = Enumerable.Range(0, 3).Select(i => Start.AddDays(7 * i)).ToList();
        var active = new[] { UserSet.Of([0, 1, 2, 3]), UserSet.Of([0, 5]), UserSet.Empty() };

        var series = ChurnCalculator.Series(starts, active, CalendarPeriod.Week);

        Assert.Equal([(4L, 1L, 3L, 0.75), (2L, 0L, 2L, 1.0)], series.Select(p => (p.PreviousActive, p.Retained, p.Churned, p.Rate)));
        Assert.Equal(Start.AddDays(13), series[0].End);
    }

    [Fact]
    public void Activity_needs_the_29_days_before_the_series()
    {
        var sets = Enumerable.Range(0, 31).Select(i => UserSet.Of([i % 3])).ToList();

        var series = ActivityCalculator.Series(sets, 100, 101);

        Assert.Equal(100 - 29, ActivityCalculator.FirstDayNeeded(100));
        Assert.Equal([(1L, 3L, 3L)], series.Take(1).Select(d => (d.Daily, d.Weekly, d.Monthly)));
        Assert.Equal(1.0 / 3, series[1].Stickiness, 10);
        Assert.Throws<ArgumentException>(() => ActivityCalculator.Series(sets, 100, 102));
    }
}
