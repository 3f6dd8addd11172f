namespace Lodestar.Metrics.Domain.Activity;

/// <summary>Where periods start and end.</summary>
public static class PeriodCalendar
{
    /// <summary>The first day of the period containing <paramref name="date"/>.</summary>
    public static DateOnly StartOf(CalendarPeriod period, DateOnly date) => period switch
    {
        CalendarPeriod.Day => date,
        CalendarPeriod.Week => date.AddDays(-(((int)date.DayOfWeek + 6) % 7)),
        CalendarPeriod.Month => new DateOnly(date.Year, date.Month, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(period)),
    };

    /// <summary>The first day of the period <paramref name="offset"/> periods after the one starting at <paramref name="start"/>.</summary>
    public static DateOnly Shift(CalendarPeriod period, DateOnly start, int offset) => period switch
    {
        CalendarPeriod.Day => start.AddDays(offset),
        CalendarPeriod.Week => start.AddDays(7 * offset),
        CalendarPeriod.Month => start.AddMonths(offset),
        _ => throw new ArgumentOutOfRangeException(nameof(period)),
    };

    /// <summary>The last day of the period starting at <paramref name="start"/>.</summary>
    public static DateOnly EndOf(CalendarPeriod period, DateOnly start) => Shift(period, start, 1).AddDays(-1);

    /// <summary>How many periods from the one containing <paramref name="from"/> to the one containing <paramref name="to"/>, inclusive.</summary>
    public static int Count(CalendarPeriod period, DateOnly from, DateOnly to)
    {
        var (a, b) = (StartOf(period, from), StartOf(period, to));
        return period switch
        {
            CalendarPeriod.Day => b.DayNumber - a.DayNumber + 1,
            CalendarPeriod.Week => (b.DayNumber - a.DayNumber) / 7 + 1,
            _ => (b.Year - a.Year) * 12 + b.Month - a.Month + 1,
        };
    }
}
