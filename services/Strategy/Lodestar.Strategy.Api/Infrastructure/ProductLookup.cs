using Lodestar.Errors;
using Lodestar.ServiceDefaults;
using Lodestar.Strategy.Domain.Products;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Strategy.Infrastructure;

/// <summary>Resolves the product a request names, in the caller's workspace; every strategy resource hangs off one.</summary>
public static class ProductLookup
{
    public const string Products = "products";

    /// <summary>The product "products/{id}" names; malformed is INVALID_ARGUMENT on <paramref name="field"/>, unknown NOT_FOUND.</summary>
    public static Task<Product> FindProductAsync(this StrategyDbContext db, string name, string field, CancellationToken cancellationToken) =>
        db.FindProductAsync(ResourceNames.ParseId(name, Products, field), name, cancellationToken);

    public static async Task<Product> FindProductAsync(this StrategyDbContext db, Guid id, string name, CancellationToken cancellationToken) =>
        await db.Products.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new NotFoundException("Product", name);

    /// <summary>The id of an optional product reference: null when empty, NOT_FOUND when unknown.</summary>
    public static async Task<Guid?> FindOptionalProductIdAsync(this StrategyDbContext db, string name, string field, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(name) ? null : (await db.FindProductAsync(name, field, cancellationToken)).Id;
}
