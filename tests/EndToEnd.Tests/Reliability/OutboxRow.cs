namespace EndToEnd.Tests.Reliability;

/// <summary>An integration event a service wrote to its outbox, as stored.</summary>
public sealed record OutboxRow(Guid EventId, string EventType, string Payload, DateTime? DispatchedAt)
{
    /// <summary>The event's short type name, e.g. "ProductChanged".</summary>
    public string Name => EventType[(EventType.LastIndexOf('.') + 1)..];
}
