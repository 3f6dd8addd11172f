using Lodestar.Backlog.Domain.Sprints;
using Lodestar.Errors;
using Lodestar.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Backlog.Infrastructure;

/// <summary>Sprints by name, and a product's recent velocity.</summary>
public static class SprintLookup
{
    public const string Sprints = "sprints";
    public const int VelocitySprints = 3;

    public static async Task<Sprint> FindSprintAsync(this BacklogDbContext db, string name, string field, CancellationToken cancellationToken)
    {
        var id = ResourceNames.ParseId(name, Sprints, field);
        return await db.Sprints.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw new NotFoundException("Sprint", name);
    }

    /// <summary>Mean completed points of the product's last three completed sprints; null when none completed.</summary>
    public static async Task<double?> RecentVelocityAsync(this BacklogDbContext db, Guid productId, CancellationToken cancellationToken)
    {
        var recent = await db.Sprints.AsNoTracking().Where(s => s.ProductId == productId && s.State == SprintState.Completed)
            .OrderByDescending(s => s.CompleteTime).Take(VelocitySprints).Select(s => s.CompletedPoints).ToListAsync(cancellationToken);
        return recent.Count == 0 ? null : recent.Average();
    }
}
