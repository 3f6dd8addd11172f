using BuildingBlocks.NotesService;
using Lodestar.Messaging.Outbox;
using Lodestar.Testing;

namespace Lodestar.EventBus.Benchmarks;

/// <summary>
/// Lodestar's path: the event commits with the note in the outbox, the relay publishes it with a broker confirm,
/// and NoteCreatedConsumer (an IdempotentConsumer) stores the effect and its inbox row in one transaction.
/// </summary>
public sealed class OutboxDeliveryPath(ServiceHost notes) : DeliveryPath("outbox → RabbitMQ → inbox", notes)
{
    protected override Task CommitAsync(NotesDbContext db, NoteCreated created)
    {
        db.AddIntegrationEvent(created);
        return db.SaveChangesAsync();
    }
}
