using Lodestar.Backlog.Domain.Sprints;
using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Messaging.Outbox;

namespace Lodestar.Backlog.Infrastructure;

/// <summary>What backlog announces about a sprint, through the outbox with the change that caused it.</summary>
public static class SprintAnnouncements
{
    /// <summary>SprintCompleted with the points the sprint started with and completed: strategy's velocity.</summary>
    public static void AnnounceCompleted(this BacklogDbContext db, Sprint sprint) =>
        db.AddIntegrationEvent(new SprintCompleted(sprint.Id, sprint.ProductId, sprint.StartPoints, sprint.CompletedPoints) { WorkspaceId = sprint.WorkspaceId });
}
