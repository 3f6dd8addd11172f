namespace Lodestar.Metrics.Domain.Events;

/// <summary>UTC days as day numbers (<see cref="DateOnly.DayNumber"/>), the unit every aggregate is kept in.</summary>
public static class UtcDays
{
    public static int Of(DateTime utc) => DateOnly.FromDateTime(utc).DayNumber;

    public static int Of(DateOnly date) => date.DayNumber;

    public static DateOnly ToDate(int day) => DateOnly.FromDayNumber(day);
}
