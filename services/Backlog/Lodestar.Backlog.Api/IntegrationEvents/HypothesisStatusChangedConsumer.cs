using Lodestar.Backlog.Domain.Context;
using Lodestar.Backlog.Infrastructure;
using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Messaging.Inbox;
using Lodestar.Persistence;
using Lodestar.Security;

namespace Lodestar.Backlog.IntegrationEvents;

/// <summary>Keeps each hypothesis's latest status; items linking an invalidated one are flagged when read.</summary>
public sealed class HypothesisStatusChangedConsumer(BacklogDbContext db, WorkspaceContext workspace, ILogger<HypothesisStatusChangedConsumer> logger)
    : IdempotentConsumer<HypothesisStatusChanged, BacklogDbContext>(db, workspace, logger)
{
    protected override async Task HandleAsync(HypothesisStatusChanged message, CancellationToken cancellationToken)
    {
        if (await Db.HypothesisStates.ForReportAsync(message.HypothesisId, StoredTime.Of(message.OccurredAt), cancellationToken) is not { } copy) return;
        copy.Status = message.Status.ToLowerInvariant();
    }
}
