using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Messaging.Inbox;
using Lodestar.Metrics.Domain.Products;
using Lodestar.Metrics.Infrastructure;
using Lodestar.Persistence;
using Lodestar.Security;

namespace Lodestar.Metrics.IntegrationEvents;

/// <summary>Keeps metrics' copy of each product (name, archived); an older report never wins.</summary>
public sealed class ProductChangedConsumer(MetricsDbContext db, WorkspaceContext workspace, ILogger<ProductChangedConsumer> logger)
    : IdempotentConsumer<ProductChanged, MetricsDbContext>(db, workspace, logger)
{
    protected override async Task HandleAsync(ProductChanged message, CancellationToken cancellationToken)
    {
        if (await Db.Products.ForReportAsync(message.ProductId, StoredTime.Of(message.OccurredAt), cancellationToken) is not { } copy) return;
        copy.DisplayName = message.Name;
        copy.Archived = message.Archived;
    }
}
