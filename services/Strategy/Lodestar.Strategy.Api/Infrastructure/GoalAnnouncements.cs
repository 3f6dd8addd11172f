using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Messaging.Outbox;
using Lodestar.Strategy.Domain.Goals;

namespace Lodestar.Strategy.Infrastructure;

/// <summary>What strategy announces about a goal, through the outbox with the change that caused it.</summary>
public static class GoalAnnouncements
{
    /// <summary>GoalChanged with <paramref name="status"/> "active" or "deleted"; the workspace is the caller's, as a new goal has none stamped yet.</summary>
    public static void AnnounceGoalChanged(this StrategyDbContext db, Goal goal, string status, Guid workspaceId) =>
        db.AddIntegrationEvent(new GoalChanged(goal.Id, goal.ProductId, goal.Title, status) { WorkspaceId = workspaceId });
}
