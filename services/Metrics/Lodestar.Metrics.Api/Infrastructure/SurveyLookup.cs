using Lodestar.Api;
using Lodestar.Errors;
using Lodestar.Metrics.Domain.Surveys;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Metrics.Infrastructure;

/// <summary>Surveys by name, only under the product the name gives.</summary>
public static class SurveyLookup
{
    public static async Task<Survey> FindSurveyAsync(this MetricsDbContext db, string name, string field, CancellationToken cancellationToken)
    {
        var (product, id) = ResourceNames.ParseChildId(name, MetricsNames.Products, MetricsNames.Surveys, field);
        return await db.Surveys.FirstOrDefaultAsync(s => s.Id == id && s.ProductId == product, cancellationToken) ?? throw new NotFoundException("Survey", name);
    }
}
