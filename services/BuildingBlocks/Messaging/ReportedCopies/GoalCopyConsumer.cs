using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Messaging.Inbox;
using Lodestar.Persistence;
using Lodestar.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Lodestar.Messaging.ReportedCopies;

/// <summary>
/// Keeps each goal's product, title and status from GoalChanged; an older report never wins. A service derives its own
/// sealed consumer from it, so its queue and inbox keys stay its own.
/// </summary>
public abstract class GoalCopyConsumer<TContext>(TContext db, WorkspaceContext workspace, ILogger logger)
    : IdempotentConsumer<GoalChanged, TContext>(db, workspace, logger)
    where TContext : DbContext
{
    protected override async Task HandleAsync(GoalChanged message, CancellationToken cancellationToken)
    {
        if (await Db.Set<GoalCopy>().ForReportAsync(message.GoalId, StoredTime.Of(message.OccurredAt), cancellationToken) is not { } copy) return;
        copy.ProductId = message.ProductId;
        copy.Title = message.Title;
        copy.Status = message.Status;
    }
}
