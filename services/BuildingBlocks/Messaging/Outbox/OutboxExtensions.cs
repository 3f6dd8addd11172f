using System.Diagnostics;
using System.Text.Json;
using Lodestar.Contracts.IntegrationEvents;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Messaging.Outbox;

public static class OutboxExtensions
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Queues <paramref name="integrationEvent"/> in the outbox; it is written by the next SaveChangesAsync, in the
    /// same transaction as the change, and relayed to RabbitMQ after commit.
    /// </summary>
    public static void AddIntegrationEvent(this DbContext context, IntegrationEvent integrationEvent)
    {
        var type = integrationEvent.GetType();
        if (IntegrationEventTypes.Resolve(IntegrationEventTypes.NameOf(type)) is null)
            throw new ArgumentException($"{type} is not a known integration event.", nameof(integrationEvent));
        var activity = Activity.Current;
        context.Set<OutboxMessage>().Add(new OutboxMessage
        {
            EventId = integrationEvent.EventId,
            WorkspaceId = integrationEvent.WorkspaceId,
            EventType = IntegrationEventTypes.NameOf(type),
            Payload = JsonSerializer.Serialize(integrationEvent, type, Json),
            OccurredAt = integrationEvent.OccurredAt.UtcDateTime,
            TraceParent = activity?.IdFormat == ActivityIdFormat.W3C ? activity.Id : null,
            TraceState = activity?.TraceStateString,
        });
    }
}
