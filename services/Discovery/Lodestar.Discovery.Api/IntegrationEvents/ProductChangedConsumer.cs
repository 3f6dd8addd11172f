using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Discovery.Domain.Products;
using Lodestar.Discovery.Infrastructure;
using Lodestar.Messaging.Inbox;
using Lodestar.Persistence;
using Lodestar.Security;

namespace Lodestar.Discovery.IntegrationEvents;

/// <summary>Keeps discovery's copy of each product (name, archived); an older report never wins.</summary>
public sealed class ProductChangedConsumer(DiscoveryDbContext db, WorkspaceContext workspace, ILogger<ProductChangedConsumer> logger)
    : IdempotentConsumer<ProductChanged, DiscoveryDbContext>(db, workspace, logger)
{
    protected override async Task HandleAsync(ProductChanged message, CancellationToken cancellationToken)
    {
        if (await Db.Products.ForReportAsync(message.ProductId, StoredTime.Of(message.OccurredAt), cancellationToken) is not { } copy) return;
        copy.DisplayName = message.Name;
        copy.Archived = message.Archived;
    }
}
