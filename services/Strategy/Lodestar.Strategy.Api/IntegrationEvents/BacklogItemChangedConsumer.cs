using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Errors;
using Lodestar.Messaging.Inbox;
using Lodestar.Security;
using Lodestar.Strategy.Domain.Roadmap;
using Lodestar.Strategy.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Strategy.IntegrationEvents;

/// <summary>
/// A backlog item was created, changed or deleted: the roadmap keeps its links, estimate and status, so initiatives
/// count it from the moment it is linked (and stop when it is unlinked or deleted), not only when it ships. Only the
/// item's own row is written: initiatives read their backlog links from the items (no contention between reports).
/// </summary>
public sealed class BacklogItemChangedConsumer(StrategyDbContext db, WorkspaceContext workspace, ILogger<BacklogItemChangedConsumer> logger)
    : IdempotentConsumer<BacklogItemChanged, StrategyDbContext>(db, workspace, logger)
{
    protected override async Task HandleAsync(BacklogItemChanged message, CancellationToken cancellationToken)
    {
        var item = await Db.DeliveryItems.FirstOrDefaultAsync(i => i.ItemId == message.ItemId, cancellationToken);
        if (item is not null && message.Version <= item.ItemVersion) return;
        if (item is null) Db.DeliveryItems.Add(item = new DeliveryItem { ItemId = message.ItemId, ProductId = message.ProductId });
        item.Title = message.Title.Clip(DeliveryItem.MaxTitle);
        item.InitiativeIds = message.Deleted ? [] : [.. message.InitiativeIds.Distinct()];
        item.EstimatePoints = message.EstimatePoints;
        item.Status = message.Status;
        item.Deleted = message.Deleted;
        item.ItemVersion = message.Version;
    }
}
