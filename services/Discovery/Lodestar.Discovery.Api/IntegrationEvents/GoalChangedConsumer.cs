using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Discovery.Domain.Goals;
using Lodestar.Discovery.Infrastructure;
using Lodestar.Messaging.Inbox;
using Lodestar.Persistence;
using Lodestar.Security;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Discovery.IntegrationEvents;

/// <summary>Keeps each goal's title and status for the opportunity tree's outcomes; an older report never wins.</summary>
public sealed class GoalChangedConsumer(DiscoveryDbContext db, WorkspaceContext workspace, ILogger<GoalChangedConsumer> logger)
    : IdempotentConsumer<GoalChanged, DiscoveryDbContext>(db, workspace, logger)
{
    protected override async Task HandleAsync(GoalChanged message, CancellationToken cancellationToken)
    {
        var at = StoredTime.Of(message.OccurredAt);
        var goal = await Db.Goals.FirstOrDefaultAsync(g => g.Id == message.GoalId, cancellationToken);
        if (goal is null)
            Db.Goals.Add(goal = new GoalContext { Id = message.GoalId });
        else if (goal.ReportedAt > at)
            return;
        goal.ProductId = message.ProductId;
        goal.Title = message.Title;
        goal.Status = message.Status;
        goal.ReportedAt = at;
    }
}
