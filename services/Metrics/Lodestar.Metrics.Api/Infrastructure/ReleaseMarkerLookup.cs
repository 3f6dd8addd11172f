using Lodestar.Api;
using Lodestar.Errors;
using Lodestar.Metrics.Domain.Values;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Metrics.Infrastructure;

/// <summary>Release markers by name, only under the product the name gives.</summary>
public static class ReleaseMarkerLookup
{
    public static async Task<ReleaseMarker> FindReleaseMarkerAsync(this MetricsDbContext db, string name, string field, CancellationToken cancellationToken)
    {
        var (product, id) = ResourceNames.ParseChildId(name, MetricsNames.Products, MetricsNames.ReleaseMarkers, field);
        return await db.ReleaseMarkers.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.ProductId == product, cancellationToken)
            ?? throw new NotFoundException("ReleaseMarker", name);
    }
}
