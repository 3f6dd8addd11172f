using Lodestar.Backlog.Domain.Context;
using Lodestar.Backlog.Infrastructure;
using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Messaging.Inbox;
using Lodestar.Persistence;
using Lodestar.Security;

namespace Lodestar.Backlog.IntegrationEvents;

/// <summary>Keeps each goal's title and status, shown on the items that serve it; an older report never wins.</summary>
public sealed class GoalChangedConsumer(BacklogDbContext db, WorkspaceContext workspace, ILogger<GoalChangedConsumer> logger)
    : IdempotentConsumer<GoalChanged, BacklogDbContext>(db, workspace, logger)
{
    protected override async Task HandleAsync(GoalChanged message, CancellationToken cancellationToken)
    {
        if (await Db.Goals.ForReportAsync(message.GoalId, StoredTime.Of(message.OccurredAt), cancellationToken) is not { } copy) return;
        copy.ProductId = message.ProductId;
        copy.Title = message.Title;
        copy.Status = message.Status;
    }
}
