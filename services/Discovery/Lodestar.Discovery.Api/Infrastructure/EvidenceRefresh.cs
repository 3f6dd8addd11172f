using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Discovery.Domain.Problems;
using Lodestar.Messaging.Outbox;
using Lodestar.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Discovery.Infrastructure;

/// <summary>
/// Keeps problems' evidence summaries in step with their insights: the change is saved, the summaries of the problems
/// it touches are recomputed from the database, and each one that moved queues ProblemEvidenceChanged, all in one
/// transaction (the outbox commits with the change). Every summary is computed as of the start of the current UTC day
/// (<see cref="EvidenceCalculator.AsOf"/>), here and in the daily refresh, so all problems' recency weights compare.
/// </summary>
public static class EvidenceRefresh
{
    public static async Task SaveWithEvidenceAsync(this DiscoveryDbContext db, IReadOnlyCollection<Guid> problemIds, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (problemIds.Count == 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            return;
        }
        var owned = db.Database.CurrentTransaction is null;
        await using var transaction = owned ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await db.SaveChangesAsync(cancellationToken);
        await db.RefreshEvidenceAsync(problemIds, EvidenceCalculator.AsOf(clock.GetUtcNow()), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null) await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Recomputes the problems' summaries as of <paramref name="asOf"/>, queuing ProblemEvidenceChanged for each that moved.</summary>
    public static async Task RefreshEvidenceAsync(this DiscoveryDbContext db, IReadOnlyCollection<Guid> problemIds, DateTime asOf, CancellationToken cancellationToken)
    {
        var ids = problemIds.Distinct().ToList();
        var problems = await db.Problems.Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken);
        var samples = (await (from link in db.ProblemInsights
                              where ids.Contains(link.ProblemId)
                              join insight in db.Insights on link.InsightId equals insight.Id
                              select new { link.ProblemId, Sample = new EvidenceSample(insight.Id, insight.CustomerAccountId, insight.PersonaId, insight.Importance, insight.Satisfaction, insight.CaptureTime) })
                .ToListAsync(cancellationToken))
            .ToLookup(s => s.ProblemId, s => s.Sample);
        foreach (var problem in problems)
        {
            if (problem.Record(EvidenceCalculator.Summarize([.. samples[problem.Id]], asOf), asOf)) db.AddIntegrationEvent(EventOf(problem));
        }
    }

    /// <summary>The problem's current summary as an event; a deleted problem reports no evidence.</summary>
    public static ProblemEvidenceChanged EventOf(Problem problem, bool deleted = false)
    {
        var summary = deleted ? EvidenceSummary.Empty : problem.Evidence;
        return new ProblemEvidenceChanged(problem.Id, problem.ProductId, summary.InsightCount, summary.DistinctCustomers, summary.DistinctPersonas,
            summary.WeightedScore, summary.AverageImportance, summary.LatestInsightAt is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null)
        {
            WorkspaceId = problem.WorkspaceId,
        };
    }
}
