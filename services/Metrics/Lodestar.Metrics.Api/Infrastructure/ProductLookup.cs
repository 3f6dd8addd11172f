using Lodestar.Api;
using Lodestar.Errors;
using Lodestar.Metrics.Domain.Products;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Lodestar.Metrics.Infrastructure;

/// <summary>Products as strategy announced them, and the mark that their metric values need recomputing.</summary>
public static class ProductLookup
{
    /// <summary>A product of the caller's workspace that strategy announced; read without tracking.</summary>
    public static async Task<MetricsProduct> FindProductAsync(this MetricsDbContext db, string name, string field, CancellationToken cancellationToken)
    {
        var id = ResourceNames.ParseId(name, MetricsNames.Products, field);
        return await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new NotFoundException("Product", name);
    }

    /// <summary>
    /// Marks the product's metric values from <paramref name="fromDay"/> on for recomputation (see MetricValueRecorder);
    /// 0 for every day.
    /// </summary>
    public static Task MarkMetricsStaleAsync(this MetricsDbContext db, Guid productId, int fromDay, CancellationToken cancellationToken) =>
        db.Products.Where(p => p.Id == productId).ExecuteUpdateAsync(set => set.MarkMetricsStale(fromDay), cancellationToken);

    /// <summary>The setters of <see cref="MarkMetricsStaleAsync"/>, for an update that sets more.</summary>
    public static UpdateSettersBuilder<MetricsProduct> MarkMetricsStale(this UpdateSettersBuilder<MetricsProduct> set, int fromDay) => set
        .SetProperty(p => p.MetricsRevision, p => p.MetricsRevision + 1)
        .SetProperty(p => p.MetricsStale, true)
        .SetProperty(p => p.MetricsDirtyFrom, p => p.MetricsDirtyFrom == null || p.MetricsDirtyFrom > fromDay ? fromDay : p.MetricsDirtyFrom);
}
