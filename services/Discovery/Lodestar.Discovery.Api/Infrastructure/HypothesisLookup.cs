using Lodestar.Api;
using Lodestar.Discovery.Domain.Hypotheses;
using Lodestar.Errors;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Discovery.Infrastructure;

/// <summary>Hypotheses by name.</summary>
public static class HypothesisLookup
{
    public static async Task<Hypothesis> FindHypothesisAsync(this DiscoveryDbContext db, string name, string field, CancellationToken cancellationToken)
    {
        var id = ResourceNames.ParseId(name, DiscoveryNames.Hypotheses, field);
        return await db.Hypotheses.FirstOrDefaultAsync(h => h.Id == id, cancellationToken) ?? throw new NotFoundException("Hypothesis", name);
    }
}
