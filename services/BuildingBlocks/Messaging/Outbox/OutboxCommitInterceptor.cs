using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lodestar.Messaging.Outbox;

/// <summary>Signals the relay when an explicit transaction commits: rows saved inside it were invisible until now.</summary>
public sealed class OutboxCommitInterceptor(OutboxSignal signal) : DbTransactionInterceptor
{
    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        signal.Notify();
        return Task.CompletedTask;
    }
}
