using Lodestar.Backlog.Infrastructure;
using Lodestar.Messaging.ReportedCopies;
using Lodestar.Security;

namespace Lodestar.Backlog.IntegrationEvents;

/// <summary>Keeps each goal's title and status, shown on the items that serve it.</summary>
public sealed class GoalChangedConsumer(BacklogDbContext db, WorkspaceContext workspace, ILogger<GoalChangedConsumer> logger)
    : GoalCopyConsumer<BacklogDbContext>(db, workspace, logger);
