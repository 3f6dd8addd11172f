using Lodestar.Discovery.Infrastructure;
using Lodestar.Messaging.ReportedCopies;
using Lodestar.Security;

namespace Lodestar.Discovery.IntegrationEvents;

/// <summary>Keeps each goal's title and status for the opportunity tree's outcomes.</summary>
public sealed class GoalChangedConsumer(DiscoveryDbContext db, WorkspaceContext workspace, ILogger<GoalChangedConsumer> logger)
    : GoalCopyConsumer<DiscoveryDbContext>(db, workspace, logger);
