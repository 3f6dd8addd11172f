using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Messaging.Inbox;
using Lodestar.Security;
using Lodestar.Strategy.Domain.Roadmap;
using Lodestar.Strategy.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Strategy.IntegrationEvents;

/// <summary>
/// A backlog item shipped: it counts toward the progress of the initiatives it delivers (the links themselves arrive
/// with BacklogItemChanged when they are made).
/// </summary>
public sealed class BacklogItemShippedConsumer(StrategyDbContext db, WorkspaceContext workspace, ILogger<BacklogItemShippedConsumer> logger)
    : IdempotentConsumer<BacklogItemShipped, StrategyDbContext>(db, workspace, logger)
{
    protected override async Task HandleAsync(BacklogItemShipped message, CancellationToken cancellationToken)
    {
        if (!await Db.ShippedItems.AnyAsync(s => s.ItemId == message.ItemId, cancellationToken))
            Db.ShippedItems.Add(new ShippedItem { ItemId = message.ItemId, ProductId = message.ProductId, Title = message.Title });

        // Links follow BacklogItemChanged, which orders them by the item's version; the shipped event's list is taken
        // only for an item never reported that way (from a backlog older than it).
        if (await Db.DeliveryItems.AnyAsync(d => d.ItemId == message.ItemId, cancellationToken)) return;
        var initiativeIds = message.InitiativeIds.ToList();
        var initiatives = await Db.Initiatives.Where(i => initiativeIds.Contains(i.Id) && i.ProductId == message.ProductId).ToListAsync(cancellationToken);
        foreach (var initiative in initiatives.Where(i => !i.BacklogItemIds.Contains(message.ItemId)))
            initiative.BacklogItemIds = [.. initiative.BacklogItemIds, message.ItemId];
    }
}
