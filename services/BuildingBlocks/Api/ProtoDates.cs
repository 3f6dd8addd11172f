using Google.Type;
using Lodestar.Errors;

namespace Lodestar.Api;

/// <summary>google.type.Date ⇄ DateOnly, with the field named when a date is missing or impossible.</summary>
public static class ProtoDates
{
    public static Date ToProto(this DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };

    /// <summary>A full date as DateOnly (a caller's input goes through <see cref="Read"/> instead).</summary>
    public static DateOnly ToDateOnly(this Date date) => new(date.Year, date.Month, date.Day);

    /// <summary>The date, or null with a violation recorded on <paramref name="field"/>.</summary>
    public static DateOnly? Read(this Violations violations, string field, Date? date)
    {
        if (date is null || (date.Year == 0 && date.Month == 0 && date.Day == 0))
        {
            violations.Add(field, "Required: a full date (year, month, day).");
            return null;
        }
        if (date.Year is < 1 or > 9999 || date.Month is < 1 or > 12 || date.Day < 1 || date.Day > System.DateTime.DaysInMonth(date.Year, date.Month))
        {
            violations.Add(field, $"{date.Year:D4}-{date.Month:D2}-{date.Day:D2} is not a date.");
            return null;
        }
        return new DateOnly(date.Year, date.Month, date.Day);
    }
}
