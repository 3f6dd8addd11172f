using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Metrics.Infrastructure;

/// <summary>
/// Publishes a product's own metrics (its funnels' conversions) as MetricCatalogChanged, so strategy lets KPIs and key
/// results bind to exactly the keys that exist. Runs inside the caller's transaction, after its change is saved: bumping
/// the revision first locks the product row, so concurrent changes publish in revision order and the last revision
/// lists them all.
/// </summary>
public static class MetricCatalog
{
    public static async Task AnnounceAsync(this MetricsDbContext db, Guid productId, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("Announce the catalog inside the transaction of the change.");
        await db.Products.Where(p => p.Id == productId)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.CatalogRevision, p => p.CatalogRevision + 1), cancellationToken);
        var product = await db.Products.AsNoTracking().Where(p => p.Id == productId)
            .Select(p => new { p.WorkspaceId, p.CatalogRevision }).FirstAsync(cancellationToken);
        var funnels = await db.Funnels.AsNoTracking().Where(f => f.ProductId == productId)
            .OrderBy(f => f.DisplayName).ThenBy(f => f.Id).ToListAsync(cancellationToken);
        db.AddIntegrationEvent(new MetricCatalogChanged(productId, product.CatalogRevision, [.. funnels.Select(f => new CatalogMetric(f.MetricKey, f.DisplayName))])
        {
            WorkspaceId = product.WorkspaceId,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
