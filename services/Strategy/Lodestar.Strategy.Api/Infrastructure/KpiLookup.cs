using Lodestar.Api;
using Lodestar.Errors;
using Lodestar.Strategy.Domain.Kpis;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Strategy.Infrastructure;

/// <summary>KPIs by name, and the one-North-Star rule across a product's KPIs.</summary>
public static class KpiLookup
{
    /// <summary>The KPI "kpis/{id}" names; malformed is INVALID_ARGUMENT on <paramref name="field"/>, unknown NOT_FOUND.</summary>
    public static async Task<Kpi> FindKpiAsync(this StrategyDbContext db, string name, string field, CancellationToken cancellationToken)
    {
        var id = ResourceNames.ParseId(name, StrategyNames.Kpis, field);
        return await db.Kpis.FirstOrDefaultAsync(k => k.Id == id, cancellationToken) ?? throw new NotFoundException("Kpi", name);
    }

    /// <summary>A product has at most one North Star KPI: refuses <paramref name="kpi"/> as a second.</summary>
    public static async Task EnsureSingleNorthStarAsync(this StrategyDbContext db, Kpi kpi, string field, CancellationToken cancellationToken)
    {
        if (!kpi.NorthStar) return;
        var other = await db.Kpis.Where(k => k.ProductId == kpi.ProductId && k.NorthStar && k.Id != kpi.Id)
            .Select(k => k.DisplayName).FirstOrDefaultAsync(cancellationToken);
        if (other is not null) throw new ValidationException(field, $"The product's North Star is already '{other}': unset it first.");
    }
}
