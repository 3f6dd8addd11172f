using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Errors;
using Lodestar.Messaging.Inbox;
using Lodestar.Security;
using Lodestar.Strategy.Domain.Kpis;
using Lodestar.Strategy.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Strategy.IntegrationEvents;

/// <summary>A product's own metrics changed in the metrics service: the list KPIs and key results may bind to is replaced.</summary>
public sealed class MetricCatalogChangedConsumer(StrategyDbContext db, WorkspaceContext workspace, ILogger<MetricCatalogChangedConsumer> logger)
    : IdempotentConsumer<MetricCatalogChanged, StrategyDbContext>(db, workspace, logger)
{
    protected override async Task HandleAsync(MetricCatalogChanged message, CancellationToken cancellationToken)
    {
        var product = await Db.Products.FirstOrDefaultAsync(p => p.Id == message.ProductId, cancellationToken);
        if (product is null || message.Revision <= product.MetricCatalogRevision) return;
        product.MetricCatalogRevision = message.Revision;
        var held = await Db.ProductMetrics.Where(m => m.ProductId == product.Id).ToListAsync(cancellationToken);
        var listed = message.Metrics.DistinctBy(m => m.Key).ToDictionary(m => m.Key);
        Db.ProductMetrics.RemoveRange(held.Where(m => !listed.ContainsKey(m.MetricKey)));
        foreach (var metric in listed.Values)
        {
            var known = held.FirstOrDefault(m => m.MetricKey == metric.Key);
            if (known is null) Db.ProductMetrics.Add(known = new ProductMetric { ProductId = product.Id, MetricKey = metric.Key });
            known.DisplayName = metric.DisplayName.Clip(ProductMetric.MaxDisplayName);
        }
    }
}
