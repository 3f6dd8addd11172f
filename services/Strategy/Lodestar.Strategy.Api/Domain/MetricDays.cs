namespace Lodestar.Strategy.Domain;

/// <summary>
/// Metric values describe complete UTC days (see the metrics service): the latest is the one of the latest day, and of
/// two values of one day (a correction) the one computed later. A value from a publisher older than the rule carries no
/// day; it describes the day it was computed on.
/// </summary>
public static class MetricDays
{
    public static DateOnly DayOf(DateOnly? asOfDate, DateTime measuredAt) => asOfDate ?? DateOnly.FromDateTime(measuredAt);

    /// <summary>
    /// Whether a value of <paramref name="day"/>, computed at <paramref name="measuredAt"/>, replaces the one held (whose
    /// day, when it was kept before the rule, is the day it was computed on).
    /// </summary>
    public static bool Supersedes(DateOnly day, DateTime measuredAt, DateOnly? heldDay, DateTime? heldAt) =>
        (heldDay ?? (heldAt is { } legacy ? DateOnly.FromDateTime(legacy) : null)) is not { } held
        || day > held || (day == held && (heldAt is not { } at || measuredAt >= at));
}
