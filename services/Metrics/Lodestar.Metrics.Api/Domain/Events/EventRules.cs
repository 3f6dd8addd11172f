using System.Text.RegularExpressions;
using Lodestar.Errors;

namespace Lodestar.Metrics.Domain.Events;

/// <summary>What an event must look like to be stored.</summary>
public static partial class EventRules
{
    public const int MaxBatch = 1000;

    /// <summary>Events of a stream stored per transaction: larger than a message, so per-transaction work is amortised.</summary>
    public const int StreamTransaction = 5000;
    public const int MaxEventKey = 128;
    public const int MaxIdentity = 256;
    public const int MaxEventName = 100;
    public const int MaxPropertiesBytes = 8 * 1024;

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,128}$")]
    private static partial Regex EventKeyPattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_.:-]{0,99}$")]
    private static partial Regex EventNamePattern();

    public static bool IsEventName(string name) => EventNamePattern().IsMatch(name);

    /// <summary>A sender's idempotency id (events, survey responses).</summary>
    public static bool IsEventKey(string key) => EventKeyPattern().IsMatch(key);

    /// <summary>Checks an event named <paramref name="field"/> (e.g. <c>events[3]</c>); null when invalid.</summary>
    public static IncomingEvent? Validate(
        Violations violations, string field, string eventKey, string userId, string anonymousId, string eventName,
        DateTime? time, string? properties, DateTime now, TimeSpan maxClockSkew, TimeSpan maxEventAge)
    {
        var before = violations.Count;
        if (!EventKeyPattern().IsMatch(eventKey))
            violations.Add($"{field}.event_id", string.IsNullOrEmpty(eventKey) ? "Required." : $"1–{MaxEventKey} letters, digits and ._:- only.");
        var hasUser = !string.IsNullOrEmpty(userId);
        var hasAnonymous = !string.IsNullOrEmpty(anonymousId);
        if (hasUser == hasAnonymous)
            violations.Add($"{field}.user_id", "Exactly one of user_id and anonymous_id is required.");
        violations.OptionalText($"{field}.user_id", userId, MaxIdentity);
        violations.OptionalText($"{field}.anonymous_id", anonymousId, MaxIdentity);
        if (!IsEventName(eventName))
            violations.Add($"{field}.event_name", string.IsNullOrEmpty(eventName) ? "Required." : $"1–{MaxEventName} characters: a letter, then letters, digits and _.:- only.");
        if (time is null)
            violations.Add($"{field}.event_time", "Required.");
        else if (time > now + maxClockSkew)
            violations.Add($"{field}.event_time", $"{time:O} is more than {maxClockSkew.TotalMinutes:0} minutes ahead of the service's clock ({now:O}).");
        else if (time < now - maxEventAge)
            violations.Add($"{field}.event_time", $"{time:O} is more than {maxEventAge.TotalDays:0} days in the past.");
        if (properties is not null && System.Text.Encoding.UTF8.GetByteCount(properties) > MaxPropertiesBytes)
            violations.Add($"{field}.properties", $"At most {MaxPropertiesBytes:N0} bytes as JSON.");
        if (violations.Count > before) return null;
        var distinctId = hasUser ? ProductUser.ForUser(userId) : ProductUser.ForAnonymous(anonymousId);
        return new IncomingEvent(eventKey, distinctId, eventName, time!.Value, properties);
    }
}
