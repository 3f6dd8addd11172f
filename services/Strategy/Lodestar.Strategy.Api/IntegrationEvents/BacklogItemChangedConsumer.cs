using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Messaging.Inbox;
using Lodestar.Security;
using Lodestar.ServiceDefaults;
using Lodestar.Strategy.Domain.Roadmap;
using Lodestar.Strategy.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Strategy.IntegrationEvents;

/// <summary>
/// A backlog item was created, changed or deleted: the roadmap keeps its estimate and status for progress, and the
/// initiatives follow its links at once (linked, unlinked, or gone with the item), not only when it ships.
/// </summary>
public sealed class BacklogItemChangedConsumer(StrategyDbContext db, WorkspaceContext workspace, ILogger<BacklogItemChangedConsumer> logger)
    : IdempotentConsumer<BacklogItemChanged, StrategyDbContext>(db, workspace, logger)
{
    protected override async Task HandleAsync(BacklogItemChanged message, CancellationToken cancellationToken)
    {
        var item = await Db.DeliveryItems.FirstOrDefaultAsync(i => i.ItemId == message.ItemId, cancellationToken);
        if (item is not null && message.Version <= item.ItemVersion) return;
        var previous = item?.InitiativeIds ?? [];
        if (item is null) Db.DeliveryItems.Add(item = new DeliveryItem { ItemId = message.ItemId, ProductId = message.ProductId });
        item.Title = message.Title.Clip(Initiative.MaxTitle);
        item.InitiativeIds = message.Deleted ? [] : [.. message.InitiativeIds.Distinct()];
        item.EstimatePoints = message.EstimatePoints;
        item.Status = message.Status;
        item.Deleted = message.Deleted;
        item.ItemVersion = message.Version;

        var touched = previous.Concat(item.InitiativeIds).ToHashSet();
        var initiatives = await Db.Initiatives.Where(i => i.ProductId == message.ProductId).ToListAsync(cancellationToken);
        foreach (var initiative in initiatives)
        {
            // A deleted item leaves every initiative, also those linked to it on strategy's side.
            if (message.Deleted) initiative.Follow(message.ItemId, linked: false);
            else if (touched.Contains(initiative.Id)) initiative.Follow(message.ItemId, item.InitiativeIds.Contains(initiative.Id));
        }
    }
}
