using Lodestar.Api;
using Lodestar.Errors;
using Lodestar.Persistence;
using Lodestar.Strategy.Domain;
using Lodestar.Strategy.Domain.Products;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Strategy.Infrastructure;

/// <summary>Resolves the product a request names, in the caller's workspace; every strategy resource hangs off one.</summary>
public static class ProductLookup
{
    /// <summary>The product "products/{id}" names; malformed is INVALID_ARGUMENT on <paramref name="field"/>, unknown NOT_FOUND.</summary>
    public static Task<Product> FindProductAsync(this StrategyDbContext db, string name, string field, CancellationToken cancellationToken) =>
        db.FindProductAsync(ResourceNames.ParseId(name, StrategyNames.Products, field), name, cancellationToken);

    public static async Task<Product> FindProductAsync(this StrategyDbContext db, Guid id, string name, CancellationToken cancellationToken) =>
        await db.Products.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new NotFoundException("Product", name);

    /// <summary>The id of an optional product reference: null when empty, NOT_FOUND when unknown.</summary>
    public static async Task<Guid?> FindOptionalProductIdAsync(this StrategyDbContext db, string name, string field, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(name) ? null : (await db.FindProductAsync(name, field, cancellationToken)).Id;

    /// <summary>Refuses a metric key the product does not have (<see cref="MetricKeys.CheckKnown"/>); reads its own metrics only when they decide.</summary>
    public static async Task<Violations> CheckMetricKeyAsync(this StrategyDbContext db, Violations violations, string field, Guid productId, string key, CancellationToken cancellationToken) =>
        MetricKeys.NeedsCatalog(key) ? violations.CheckKnown(field, key, await db.OwnMetricsAsync(productId, cancellationToken)) : violations;

    /// <summary>The product's own metrics (beyond the built-in ones), by name: what a KPI or key result may also bind to.</summary>
    private static async Task<List<(string Key, string DisplayName)>> OwnMetricsAsync(this StrategyDbContext db, Guid productId, CancellationToken cancellationToken) =>
        (await db.ProductMetrics.AsNoTracking().Where(m => m.ProductId == productId).OrderBy(m => m.DisplayName).ThenBy(m => m.MetricKey)
            .Select(m => new { m.MetricKey, m.DisplayName }).ToListAsync(cancellationToken))
        .Select(m => (m.MetricKey, m.DisplayName)).ToList();

    /// <summary>
    /// The product's points of <paramref name="metricKey"/> in the <paramref name="days"/> up to its latest point on or
    /// before <paramref name="asOf"/>; none when it has no point by then.
    /// </summary>
    public static async Task<List<ActivityPoint>> ActivityWindowAsync(this StrategyDbContext db, Guid productId, string metricKey, DateOnly asOf, int days, CancellationToken cancellationToken)
    {
        var latest = await db.ActivityPoints.AsNoTracking().Where(p => p.ProductId == productId && p.MetricKey == metricKey && p.Date <= asOf)
            .OrderByDescending(p => p.Date).Select(p => (DateOnly?)p.Date).FirstOrDefaultAsync(cancellationToken);
        if (latest is not { } last) return [];
        var since = last.AddDays(-days);
        return await db.ActivityPoints.AsNoTracking()
            .Where(p => p.ProductId == productId && p.MetricKey == metricKey && p.Date > since && p.Date <= last).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The product's positioning, tracked for an update that expects <paramref name="etag"/>; a product without one
    /// gets a new one, which no etag can match.
    /// </summary>
    public static async Task<Positioning> PositioningToEditAsync(this StrategyDbContext db, Product product, string name, string? etag, CancellationToken cancellationToken)
    {
        var positioning = await db.Positionings.FirstOrDefaultAsync(p => p.ProductId == product.Id, cancellationToken);
        if (positioning is not null)
        {
            db.ExpectETag(positioning, etag, "positioning.metadata.etag");
            return positioning;
        }
        if (!string.IsNullOrEmpty(etag)) throw new EtagMismatchException("Positioning", name);
        positioning = new Positioning { ProductId = product.Id };
        db.Positionings.Add(positioning);
        return positioning;
    }
}
