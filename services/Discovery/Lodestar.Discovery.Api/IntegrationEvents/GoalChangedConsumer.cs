using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Discovery.Domain.Goals;
using Lodestar.Discovery.Infrastructure;
using Lodestar.Messaging.Inbox;
using Lodestar.Persistence;
using Lodestar.Security;

namespace Lodestar.Discovery.IntegrationEvents;

/// <summary>Keeps each goal's title and status for the opportunity tree's outcomes; an older report never wins.</summary>
public sealed class GoalChangedConsumer(DiscoveryDbContext db, WorkspaceContext workspace, ILogger<GoalChangedConsumer> logger)
    : IdempotentConsumer<GoalChanged, DiscoveryDbContext>(db, workspace, logger)
{
    protected override async Task HandleAsync(GoalChanged message, CancellationToken cancellationToken)
    {
        if (await Db.Goals.ForReportAsync(message.GoalId, StoredTime.Of(message.OccurredAt), cancellationToken) is not { } copy) return;
        copy.ProductId = message.ProductId;
        copy.Title = message.Title;
        copy.Status = message.Status;
    }
}
