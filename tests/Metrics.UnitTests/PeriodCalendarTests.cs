using Lodestar.Metrics.Domain.Activity;

namespace Metrics.UnitTests;

public sealed class PeriodCalendarTests
{
    [Theory]
    [InlineData(CalendarPeriod.Day, "2026-11-25", "2026-11-25", "2026-11-25")]
    [InlineData(CalendarPeriod.Week, "2026-11-25", "2026-11-23", "2026-11-29")]
    [InlineData(CalendarPeriod.Week, "2026-11-29", "2026-11-23", "2026-11-29")]
    [InlineData(CalendarPeriod.Month, "2024-02-17", "2024-02-01", "2024-02-29")]
    public void Periods_start_on_the_day_the_iso_monday_or_the_first_of_the_month(CalendarPeriod period, string date, string start, string end)
    {
        var first = PeriodCalendar.StartOf(period, DateOnly.Parse(date));

        Assert.Equal(DateOnly.Parse(start), first);
        Assert.Equal(DateOnly.Parse(end), PeriodCalendar.EndOf(period, first));
    }

    [Fact]
    public void Counting_periods_includes_both_ends()
    {
        Assert.Equal(3, PeriodCalendar.Count(CalendarPeriod.Day, new DateOnly(2026, 1, 30), new DateOnly(2026, 2, 1)));
        Assert.Equal(2, PeriodCalendar.Count(CalendarPeriod.Week, new DateOnly(2026, 11, 29), new DateOnly(2026, 11, 30)));
        Assert.Equal(14, PeriodCalendar.Count(CalendarPeriod.Month, new DateOnly(2025, 12, 31), new DateOnly(2027, 1, 1)));
    }
}
