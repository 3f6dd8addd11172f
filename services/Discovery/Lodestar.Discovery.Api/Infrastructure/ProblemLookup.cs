using Lodestar.Api;
using Lodestar.Discovery.Domain.Problems;
using Lodestar.Errors;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Discovery.Infrastructure;

/// <summary>Problems by name.</summary>
public static class ProblemLookup
{
    public static async Task<Problem> FindProblemAsync(this DiscoveryDbContext db, string name, string field, CancellationToken cancellationToken)
    {
        var id = ResourceNames.ParseId(name, DiscoveryNames.Problems, field);
        return await db.Problems.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new NotFoundException("Problem", name);
    }
}
