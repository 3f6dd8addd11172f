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
        // No look-up before the work: the inbox row's key refuses a second application at commit, which saves a round
        // trip on every first delivery (nearly all of them). The whole transaction rolls back on any failure, so
        // SaveChanges needs no savepoint either.
        db.Database.AutoSavepointsEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        try
        {
            await HandleAsync(message, context.CancellationToken);
            db.Set<InboxMessage>().Add(new InboxMessage { EventId = message.EventId, Consumer = ConsumerName, ProcessedAt = DateTime.UtcNow });
            await db.SaveChangesAsync(context.CancellationToken);
            await transaction.CommitAsync(context.CancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A redelivery, or a concurrent delivery that committed first: its effect stands and ours is rolled back,
            // whatever the handler made of applying the event twice. Anything else is a real failure (retried).
            if (!await AppliedAlreadyAsync(transaction, message.EventId)) throw;
            logger.LogDebug("Event {EventId} was already applied by {Consumer}", message.EventId, ConsumerName);
        }
    }

    /// <summary>Applies the event through <see cref="Db"/>; do not call SaveChanges, the base commits.</summary>
    protected abstract Task HandleAsync(TEvent message, CancellationToken cancellationToken);

    private async Task<bool> AppliedAlreadyAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, Guid eventId)
    {
        try
        {
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return await db.Set<InboxMessage>().AnyAsync(m => m.EventId == eventId && m.Consumer == ConsumerName, CancellationToken.None);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            // The database is away: the original failure is the one to report and retry.
            return false;
        }
    }
}
