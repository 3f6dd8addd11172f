using Lodestar.Api;
using Lodestar.Discovery.Domain.Insights;
using Lodestar.Errors;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Discovery.Infrastructure;

/// <summary>Insights by name, and the problems they are linked to.</summary>
public static class InsightLookup
{
    public static async Task<Insight> FindInsightAsync(this DiscoveryDbContext db, string name, string field, CancellationToken cancellationToken)
    {
        var id = ResourceNames.ParseId(name, DiscoveryNames.Insights, field);
        return await db.Insights.FirstOrDefaultAsync(i => i.Id == id, cancellationToken) ?? throw new NotFoundException("Insight", name);
    }

    /// <summary>The problems the insight is evidence for.</summary>
    public static async Task<List<Guid>> ProblemsOfInsightAsync(this DiscoveryDbContext db, Guid insightId, CancellationToken cancellationToken) =>
        await db.ProblemInsights.Where(l => l.InsightId == insightId).Select(l => l.ProblemId).ToListAsync(cancellationToken);

    /// <summary>The problems of each insight, untracked, for a page of them.</summary>
    public static async Task<ILookup<Guid, Guid>> ProblemLinksAsync(this DiscoveryDbContext db, List<Guid> insightIds, CancellationToken cancellationToken) =>
        (await db.ProblemInsights.AsNoTracking().Where(l => insightIds.Contains(l.InsightId)).Select(l => new { l.InsightId, l.ProblemId }).ToListAsync(cancellationToken))
        .ToLookup(l => l.InsightId, l => l.ProblemId);
}
