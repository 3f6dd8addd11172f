using Google.Protobuf.WellKnownTypes;
using Lodestar.Metrics.V1;

namespace Metrics.FunctionalTests.Infrastructure;

/// <summary>Events of a small known dataset, on days counted from a Monday six weeks ago (UTC).</summary>
public static class Usage
{
    /// <summary>Day 0 of every dataset: a Monday, so weeks start on days 0, 7, 14…</summary>
    public static DateOnly Day0 { get; } = MondayOf(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-42));

    public static DateOnly Day(int offset) => Day0.AddDays(offset);

    public static Google.Type.Date Date(int offset)
    {
        var day = Day(offset);
        return new Google.Type.Date { Year = day.Year, Month = day.Month, Day = day.Day };
    }

    /// <summary>An event of <paramref name="user"/> at noon UTC of day <paramref name="day"/>; "anon:x" users are anonymous.</summary>
    public static Event Event(string user, int day, string name = "open", string? id = null, int hour = 12)
    {
        var anonymous = user.StartsWith("anon:", StringComparison.Ordinal);
        return new Event
        {
            EventId = id ?? Guid.NewGuid().ToString(),
            UserId = anonymous ? "" : user,
            AnonymousId = anonymous ? user["anon:".Length..] : "",
            EventName = name,
            EventTime = Timestamp.FromDateTime(Day(day).ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc)),
        };
    }

    /// <summary>
    /// u1 on days 0, 1, 7; u2 on 0, 2; anonymous a3 on 1, 8; u4 on 7. So DAU 2, 2, 1, 0…, 2, 1; first seen u1 and u2
    /// on day 0, a3 on day 1, u4 on day 7.
    /// </summary>
    public static IReadOnlyList<Event> Known() =>
    [
        Event("u1", 0), Event("u1", 0, "export"), Event("u2", 0), Event("u2", 0, "export"),
        Event("u1", 1), Event("u1", 1, "export"), Event("anon:a3", 1),
        Event("u2", 2),
        Event("u1", 7), Event("u4", 7),
        Event("anon:a3", 8),
    ];

    /// <summary>An event of <paramref name="user"/> <paramref name="daysAgo"/> days before now (at least a minute ago).</summary>
    public static Event Recent(string user, int daysAgo, string name = "open") => new()
    {
        EventId = Guid.NewGuid().ToString(),
        UserId = user,
        EventName = name,
        EventTime = Timestamp.FromDateTime(DateTime.UtcNow.Date.AddDays(-daysAgo).AddMinutes(Math.Min(60, DateTime.UtcNow.TimeOfDay.TotalMinutes / 2))),
    };

    private static DateOnly MondayOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
}
