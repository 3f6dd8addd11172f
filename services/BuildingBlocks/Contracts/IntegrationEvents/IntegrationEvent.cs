namespace Lodestar.Contracts.IntegrationEvents;

/// <summary>
/// A fact one service publishes for others. Every event carries its own id (the inbox key that makes handling
/// idempotent), the workspace it belongs to, and when it happened. Trace context travels in message headers.
/// </summary>
public abstract record IntegrationEvent
{
    public Guid EventId { get; init; } = Guid.CreateVersion7();

    public Guid WorkspaceId { get; init; }

    public DateTimeOffset OccurredAt { get; init; } = DateTimeOffset.UtcNow;
}
