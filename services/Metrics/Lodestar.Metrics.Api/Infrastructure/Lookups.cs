using Lodestar.Errors;
using Lodestar.Metrics.Domain.Products;
using Lodestar.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Metrics.Infrastructure;

/// <summary>Resolves the resources a request names, in the caller's workspace: malformed is INVALID_ARGUMENT, unknown NOT_FOUND.</summary>
public static class Lookups
{
    public const string Products = "products";

    /// <summary>A product of the caller's workspace that strategy announced; read without tracking.</summary>
    public static async Task<MetricsProduct> FindProductAsync(this MetricsDbContext db, string name, string field, CancellationToken cancellationToken)
    {
        var id = ResourceNames.ParseId(name, Products, field);
        return await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new NotFoundException("Product", name);
    }
}
