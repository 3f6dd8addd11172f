using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lodestar.Messaging.Outbox;

/// <summary>Signals the relay after a save that wrote outbox rows.</summary>
public sealed class OutboxSignalInterceptor(OutboxSignal signal) : SaveChangesInterceptor
{
    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context?.ChangeTracker.Entries<OutboxMessage>().Any() == true) signal.Notify();
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }
}
