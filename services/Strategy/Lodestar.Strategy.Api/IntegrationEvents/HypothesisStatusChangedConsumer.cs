using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Messaging.Inbox;
using Lodestar.Persistence;
using Lodestar.Security;
using Lodestar.Strategy.Domain.Goals;
using Lodestar.Strategy.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Strategy.IntegrationEvents;

/// <summary>Keeps each hypothesis's latest status, shown on the goals that link it; an older report never wins.</summary>
public sealed class HypothesisStatusChangedConsumer(StrategyDbContext db, WorkspaceContext workspace, ILogger<HypothesisStatusChangedConsumer> logger)
    : IdempotentConsumer<HypothesisStatusChanged, StrategyDbContext>(db, workspace, logger)
{
    protected override async Task HandleAsync(HypothesisStatusChanged message, CancellationToken cancellationToken)
    {
        var at = StoredTime.Of(message.OccurredAt);
        var state = await Db.HypothesisStates.FirstOrDefaultAsync(h => h.HypothesisId == message.HypothesisId, cancellationToken);
        if (state is null)
        {
            Db.HypothesisStates.Add(state = new HypothesisState { HypothesisId = message.HypothesisId });
        }
        else if (state.StatusTime > at)
        {
            return;
        }
        state.ProductId = message.ProductId;
        state.Status = message.Status;
        state.MetricKey = message.MetricKey;
        state.StatusTime = at;
    }
}
