using Lodestar.Api;
using Lodestar.Discovery.Domain.Products;
using Lodestar.Errors;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Discovery.Infrastructure;

/// <summary>Products as strategy announced them, by name: malformed is INVALID_ARGUMENT, unknown NOT_FOUND.</summary>
public static class ProductLookup
{
    public static async Task<DiscoveryProduct> FindProductAsync(this DiscoveryDbContext db, string name, string field, CancellationToken cancellationToken)
    {
        var id = ResourceNames.ParseId(name, DiscoveryNames.Products, field);
        return await db.Products.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new NotFoundException("Product", name);
    }

    /// <summary>The id of an optional product reference: null when empty, NOT_FOUND when strategy never announced it.</summary>
    public static async Task<Guid?> FindOptionalProductIdAsync(this DiscoveryDbContext db, string name, string field, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(name) ? null : (await db.FindProductAsync(name, field, cancellationToken)).Id;
}
