using System.Text.Json;

namespace EndToEnd.Tests.Reliability;

/// <summary>An integration event a service wrote to its outbox, as stored.</summary>
public sealed record OutboxRow(Guid EventId, string EventType, string Payload, DateTime? DispatchedAt)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>The event's short type name, e.g. "ProductChanged".</summary>
    public string Name => EventType[(EventType.LastIndexOf('.') + 1)..];

    /// <summary>The payload as the event contract it was written from (the outbox stores web-style JSON).</summary>
    public T Read<T>() => JsonSerializer.Deserialize<T>(Payload, Web) ?? throw new InvalidOperationException($"Outbox event {EventId} has no payload.");
}
