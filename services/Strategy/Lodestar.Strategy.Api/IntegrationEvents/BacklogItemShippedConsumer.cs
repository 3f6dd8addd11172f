using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Messaging.Inbox;
using Lodestar.Security;
using Lodestar.Strategy.Domain.Roadmap;
using Lodestar.Strategy.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Strategy.IntegrationEvents;

/// <summary>
/// A backlog item shipped: it counts toward the progress of the initiatives it delivers, and the initiatives its event
/// names gain the link (the backlog is where items are tied to initiatives).
/// </summary>
public sealed class BacklogItemShippedConsumer(StrategyDbContext db, WorkspaceContext workspace, ILogger<BacklogItemShippedConsumer> logger)
    : IdempotentConsumer<BacklogItemShipped, StrategyDbContext>(db, workspace, logger)
{
    protected override async Task HandleAsync(BacklogItemShipped message, CancellationToken cancellationToken)
    {
        if (!await Db.ShippedItems.AnyAsync(s => s.ItemId == message.ItemId, cancellationToken))
            Db.ShippedItems.Add(new ShippedItem { ItemId = message.ItemId, ProductId = message.ProductId, Title = message.Title });

        var initiativeIds = message.InitiativeIds.ToList();
        var initiatives = await Db.Initiatives.Where(i => initiativeIds.Contains(i.Id) && i.ProductId == message.ProductId).ToListAsync(cancellationToken);
        foreach (var initiative in initiatives.Where(i => !i.BacklogItemIds.Contains(message.ItemId)))
            initiative.BacklogItemIds = [.. initiative.BacklogItemIds, message.ItemId];
    }
}
