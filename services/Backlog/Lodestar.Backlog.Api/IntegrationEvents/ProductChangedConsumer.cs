using Lodestar.Backlog.Domain.Products;
using Lodestar.Backlog.Infrastructure;
using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Messaging.Inbox;
using Lodestar.Persistence;
using Lodestar.Security;

namespace Lodestar.Backlog.IntegrationEvents;

/// <summary>Keeps the backlog's copy of each product (name, archived); an older report never wins.</summary>
public sealed class ProductChangedConsumer(BacklogDbContext db, WorkspaceContext workspace, ILogger<ProductChangedConsumer> logger)
    : IdempotentConsumer<ProductChanged, BacklogDbContext>(db, workspace, logger)
{
    protected override async Task HandleAsync(ProductChanged message, CancellationToken cancellationToken)
    {
        if (await Db.Products.ForReportAsync(message.ProductId, StoredTime.Of(message.OccurredAt), cancellationToken) is not { } copy) return;
        copy.DisplayName = message.Name;
        copy.Archived = message.Archived;
    }
}
