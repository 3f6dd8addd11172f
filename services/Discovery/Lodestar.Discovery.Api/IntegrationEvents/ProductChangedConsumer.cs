using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Discovery.Domain.Products;
using Lodestar.Discovery.Infrastructure;
using Lodestar.Messaging.Inbox;
using Lodestar.Persistence;
using Lodestar.Security;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Discovery.IntegrationEvents;

/// <summary>Keeps discovery's copy of each product (name, archived); an older report never wins.</summary>
public sealed class ProductChangedConsumer(DiscoveryDbContext db, WorkspaceContext workspace, ILogger<ProductChangedConsumer> logger)
    : IdempotentConsumer<ProductChanged, DiscoveryDbContext>(db, workspace, logger)
{
    protected override async Task HandleAsync(ProductChanged message, CancellationToken cancellationToken)
    {
        var at = StoredTime.Of(message.OccurredAt);
        var product = await Db.Products.FirstOrDefaultAsync(p => p.Id == message.ProductId, cancellationToken);
        if (product is null)
            Db.Products.Add(product = new DiscoveryProduct { Id = message.ProductId });
        else if (product.ReportedAt > at)
            return;
        product.DisplayName = message.Name;
        product.Archived = message.Archived;
        product.ReportedAt = at;
    }
}
