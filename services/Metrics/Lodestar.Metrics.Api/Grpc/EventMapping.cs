using Google.Protobuf;
using Lodestar.Errors;
using Lodestar.Metrics.Domain.Events;
using Lodestar.Metrics.Infrastructure;
using V1 = Lodestar.Metrics.V1;

namespace Lodestar.Metrics.Grpc;

/// <summary>Reads events from requests, collecting every violation.</summary>
public static class EventMapping
{
    private const long MinSeconds = -62_135_596_800; // 0001-01-01
    private const long MaxSeconds = 253_402_300_799; // 9999-12-31

    public static IReadOnlyList<IncomingEvent> Read(IReadOnlyList<V1.Event> events, string field, DateTime now, IngestionOptions options)
    {
        var violations = new Violations();
        if (events.Count == 0) violations.Add(field, "At least one event is required.");
        if (events.Count > EventRules.MaxBatch) violations.Add(field, $"At most {EventRules.MaxBatch:N0} events per batch; got {events.Count:N0}.");
        var read = new List<IncomingEvent>(events.Count);
        for (var i = 0; i < events.Count && i < EventRules.MaxBatch; i++)
            if (Read(violations, $"{field}[{i}]", events[i], now, options) is { } incoming) read.Add(incoming);
        violations.ThrowIfAny();
        return read;
    }

    public static IncomingEvent Read(V1.Event? input, string field, DateTime now, IngestionOptions options)
    {
        var violations = new Violations();
        if (input is null) violations.Add(field, "Required.");
        var incoming = input is null ? null : Read(violations, field, input, now, options);
        violations.ThrowIfAny();
        return incoming!;
    }

    private static IncomingEvent? Read(Violations violations, string field, V1.Event input, DateTime now, IngestionOptions options)
    {
        var before = violations.Count;
        DateTime? time = null;
        if (input.EventTime is { } timestamp)
        {
            if (timestamp.Seconds is >= MinSeconds and <= MaxSeconds && timestamp.Nanos is >= 0 and <= 999_999_999)
                time = timestamp.ToDateTime();
            else
                violations.Add($"{field}.event_time", "Not a valid timestamp.");
        }
        var properties = input.Properties is { Fields.Count: > 0 } ? JsonFormatter.Default.Format(input.Properties) : null;
        // An unreadable timestamp is already reported: check the rest against the current time instead.
        var incoming = EventRules.Validate(violations, field, input.EventId, input.UserId, input.AnonymousId, input.EventName,
            time ?? (input.EventTime is null ? null : now), properties, now, options.MaxClockSkew, options.MaxEventAge);
        return violations.Count > before ? null : incoming;
    }
}
