using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Messaging.Inbox;
using Lodestar.Persistence;
using Lodestar.Security;
using Lodestar.Strategy.Domain.Roadmap;
using Lodestar.Strategy.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Strategy.IntegrationEvents;

/// <summary>A sprint completed: recorded for the product's velocity on its roadmap.</summary>
public sealed class SprintCompletedConsumer(StrategyDbContext db, WorkspaceContext workspace, ILogger<SprintCompletedConsumer> logger)
    : IdempotentConsumer<SprintCompleted, StrategyDbContext>(db, workspace, logger)
{
    protected override async Task HandleAsync(SprintCompleted message, CancellationToken cancellationToken)
    {
        if (await Db.SprintRecords.AnyAsync(s => s.SprintId == message.SprintId, cancellationToken)) return;
        Db.SprintRecords.Add(new SprintRecord
        {
            SprintId = message.SprintId,
            ProductId = message.ProductId,
            CommittedPoints = message.CommittedPoints,
            CompletedPoints = message.CompletedPoints,
            CompletedAt = StoredTime.Of(message.OccurredAt),
        });
    }
}
