using Lodestar.Backlog.Domain.Products;
using Lodestar.Backlog.Infrastructure;
using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Messaging.Inbox;
using Lodestar.Persistence;
using Lodestar.Security;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Backlog.IntegrationEvents;

/// <summary>Keeps the backlog's copy of each product (name, archived); an older report never wins.</summary>
public sealed class ProductChangedConsumer(BacklogDbContext db, WorkspaceContext workspace, ILogger<ProductChangedConsumer> logger)
    : IdempotentConsumer<ProductChanged, BacklogDbContext>(db, workspace, logger)
{
    protected override async Task HandleAsync(ProductChanged message, CancellationToken cancellationToken)
    {
        var at = StoredTime.Of(message.OccurredAt);
        var product = await Db.Products.FirstOrDefaultAsync(p => p.Id == message.ProductId, cancellationToken);
        if (product is null)
            Db.Products.Add(product = new BacklogProduct { Id = message.ProductId });
        else if (product.ReportedAt > at)
            return;
        product.DisplayName = message.Name;
        product.Archived = message.Archived;
        product.ReportedAt = at;
    }
}
