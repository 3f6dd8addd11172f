namespace Lodestar.Messaging.Outbox;

/// <summary>An integration event waiting to be relayed, written in the same transaction as the change that caused it.</summary>
public sealed class OutboxMessage
{
    /// <summary>Insertion order, which is also relay order.</summary>
    public long Id { get; set; }

    public Guid EventId { get; set; }

    public Guid WorkspaceId { get; set; }

    /// <summary>Full CLR name of the event type; resolved through <see cref="IntegrationEventTypes"/>.</summary>
    public string EventType { get; set; } = "";

    public string Payload { get; set; } = "";

    public DateTime OccurredAt { get; set; }

    /// <summary>W3C traceparent of the change, so the consumer's work joins the same trace.</summary>
    public string? TraceParent { get; set; }

    public string? TraceState { get; set; }

    public int Attempts { get; set; }

    public DateTime? NextAttemptAt { get; set; }

    public string? LastError { get; set; }

    public DateTime? DispatchedAt { get; set; }
}
