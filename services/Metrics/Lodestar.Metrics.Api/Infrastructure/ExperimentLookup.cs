using Lodestar.Api;
using Lodestar.Errors;
using Lodestar.Metrics.Domain.Experiments;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Metrics.Infrastructure;

/// <summary>Experiments by name, only under the product the name gives.</summary>
public static class ExperimentLookup
{
    public static async Task<Experiment> FindExperimentAsync(this MetricsDbContext db, string name, string field, CancellationToken cancellationToken)
    {
        var (product, id) = ResourceNames.ParseChildId(name, MetricsNames.Products, MetricsNames.Experiments, field);
        return await db.Experiments.FirstOrDefaultAsync(e => e.Id == id && e.ProductId == product, cancellationToken) ?? throw new NotFoundException("Experiment", name);
    }
}
