namespace Lodestar.Messaging.Inbox;

/// <summary>Proof that a consumer applied an event; written in the consumer's transaction, keyed by event and consumer.</summary>
public sealed class InboxMessage
{
    public Guid EventId { get; set; }

    public string Consumer { get; set; } = "";

    public DateTime ProcessedAt { get; set; }
}
