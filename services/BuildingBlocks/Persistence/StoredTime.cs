namespace Lodestar.Persistence;

/// <summary>
/// Times as the databases keep them: UTC, to the microsecond (PostgreSQL keeps no finer), so a value reads back exactly
/// as it was written and returned.
/// </summary>
public static class StoredTime
{
    public static DateTime Of(DateTime time)
    {
        var utc = time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time;
        return new DateTime(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);
    }

    public static DateTime Of(DateTimeOffset time) => Of(time.UtcDateTime);

    public static DateTime Now => Of(DateTime.UtcNow);
}
