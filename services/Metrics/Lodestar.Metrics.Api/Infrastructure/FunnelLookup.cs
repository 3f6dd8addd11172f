using Lodestar.Api;
using Lodestar.Errors;
using Lodestar.Metrics.Domain.Funnels;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Metrics.Infrastructure;

/// <summary>Funnels by name, only under the product the name gives.</summary>
public static class FunnelLookup
{
    public static async Task<Funnel> FindFunnelAsync(this MetricsDbContext db, string name, string field, CancellationToken cancellationToken)
    {
        var (product, id) = ResourceNames.ParseChildId(name, MetricsNames.Products, MetricsNames.Funnels, field);
        return await db.Funnels.FirstOrDefaultAsync(f => f.Id == id && f.ProductId == product, cancellationToken) ?? throw new NotFoundException("Funnel", name);
    }
}
