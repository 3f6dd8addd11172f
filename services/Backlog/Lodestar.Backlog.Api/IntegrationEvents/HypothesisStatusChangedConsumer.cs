using Lodestar.Backlog.Domain.Context;
using Lodestar.Backlog.Infrastructure;
using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Messaging.Inbox;
using Lodestar.Persistence;
using Lodestar.Security;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Backlog.IntegrationEvents;

/// <summary>Keeps each hypothesis's latest status; items linking an invalidated one are flagged when read.</summary>
public sealed class HypothesisStatusChangedConsumer(BacklogDbContext db, WorkspaceContext workspace, ILogger<HypothesisStatusChangedConsumer> logger)
    : IdempotentConsumer<HypothesisStatusChanged, BacklogDbContext>(db, workspace, logger)
{
    protected override async Task HandleAsync(HypothesisStatusChanged message, CancellationToken cancellationToken)
    {
        var at = StoredTime.Of(message.OccurredAt);
        var state = await Db.HypothesisStates.FirstOrDefaultAsync(h => h.Id == message.HypothesisId, cancellationToken);
        if (state is null)
            Db.HypothesisStates.Add(state = new HypothesisState { Id = message.HypothesisId });
        else if (state.ReportedAt > at)
            return;
        state.Status = message.Status.ToLowerInvariant();
        state.ReportedAt = at;
    }
}
