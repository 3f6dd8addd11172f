using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Security;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Lodestar.Messaging.Inbox;

/// <summary>
/// Base of every integration-event consumer: applies an event at most once per consumer. The handler's changes, the
/// inbox row and any events it raises (outbox) commit in one transaction; a redelivered event finds its inbox row and
/// is acknowledged without effect. The handler acts in the event's workspace, as the service itself.
/// </summary>
public abstract class IdempotentConsumer<TEvent, TContext>(TContext db, WorkspaceContext workspace, ILogger logger) : IConsumer<TEvent>
    where TEvent : IntegrationEvent
    where TContext : DbContext
{
    /// <summary>The inbox key of this consumer; stable across renames of the class if overridden.</summary>
    protected virtual string ConsumerName => GetType().FullName!;

    protected TContext Db => db;

    public async Task Consume(ConsumeContext<TEvent> context)
    {
        var message = context.Message;
        workspace.Enter(message.WorkspaceId, WorkspaceRole.Editor, $"service:{ConsumerName}");
        var inbox = db.Set<InboxMessage>();
        if (await inbox.AnyAsync(m => m.EventId == message.EventId && m.Consumer == ConsumerName, context.CancellationToken))
        {
            logger.LogDebug("Event {EventId} already applied by {Consumer}", message.EventId, ConsumerName);
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        await HandleAsync(message, context.CancellationToken);
        inbox.Add(new InboxMessage { EventId = message.EventId, Consumer = ConsumerName, ProcessedAt = DateTime.UtcNow });
        try
        {
            await db.SaveChangesAsync(context.CancellationToken);
            await transaction.CommitAsync(context.CancellationToken);
        }
        catch (Exception ex) when (ex is DbUpdateException or Errors.AlreadyExistsException)
        {
            if (!await AppliedMeanwhileAsync(transaction, message.EventId)) throw;
            // A concurrent delivery of the same event committed first; its effect stands, ours is rolled back.
            logger.LogDebug("Event {EventId} was applied concurrently by {Consumer}", message.EventId, ConsumerName);
        }
    }

    /// <summary>Applies the event through <see cref="Db"/>; do not call SaveChanges, the base commits.</summary>
    protected abstract Task HandleAsync(TEvent message, CancellationToken cancellationToken);

    private async Task<bool> AppliedMeanwhileAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, Guid eventId)
    {
        await transaction.RollbackAsync(CancellationToken.None);
        db.ChangeTracker.Clear();
        return await db.Set<InboxMessage>().AnyAsync(m => m.EventId == eventId && m.Consumer == ConsumerName, CancellationToken.None);
    }
}
