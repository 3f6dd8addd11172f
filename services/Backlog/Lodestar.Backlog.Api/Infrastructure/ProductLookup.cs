using Lodestar.Backlog.Domain.Products;
using Lodestar.Errors;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Backlog.Infrastructure;

/// <summary>Products as the backlog heard of them from strategy.</summary>
public static class ProductLookup
{
    /// <summary>The product, or NOT_FOUND: unknown to strategy, of another workspace, or not yet announced.</summary>
    public static async Task<BacklogProduct> FindProductAsync(this BacklogDbContext db, Guid id, string name, CancellationToken cancellationToken) =>
        await db.Products.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new NotFoundException("Product", name);

    /// <summary>The product, which must not be archived: new work cannot be added to it.</summary>
    public static async Task<BacklogProduct> FindActiveProductAsync(this BacklogDbContext db, Guid id, string name, CancellationToken cancellationToken)
    {
        var product = await db.FindProductAsync(id, name, cancellationToken);
        return product.Archived ? throw new FailedPreconditionException($"Product {name} is archived: its backlog takes no new items.") : product;
    }
}
