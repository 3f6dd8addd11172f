using Lodestar.Backlog.Domain.Context;
using Lodestar.Backlog.Domain.Items;
using Lodestar.Backlog.Domain.Scoring;
using Lodestar.Backlog.Infrastructure;
using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Messaging.Inbox;
using Lodestar.Persistence;
using Lodestar.Security;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Backlog.IntegrationEvents;

/// <summary>
/// Keeps each problem's latest evidence summary and re-scores the items that solve it: their ranking score (and
/// place, unless placed by hand) and, when RICE moved, a record of which problem's evidence moved it.
/// </summary>
public sealed class ProblemEvidenceChangedConsumer(BacklogDbContext db, WorkspaceContext workspace, ILogger<ProblemEvidenceChangedConsumer> logger)
    : IdempotentConsumer<ProblemEvidenceChanged, BacklogDbContext>(db, workspace, logger)
{
    protected override async Task HandleAsync(ProblemEvidenceChanged message, CancellationToken cancellationToken)
    {
        var at = StoredTime.Of(message.OccurredAt);
        var evidence = await Db.ProblemEvidence.FirstOrDefaultAsync(e => e.Id == message.ProblemId, cancellationToken);
        if (evidence is not null && evidence.ReportedAt > at) return;

        var problemId = message.ProblemId;
        var items = await Db.Items.Where(i => i.ProblemIds.Contains(problemId)).ToListAsync(cancellationToken);
        var productIds = items.Select(i => i.ProductId).Distinct().ToList();
        var products = await Db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        // Every summary the items draw on, read once; this problem's entry is swapped for the new report below.
        var summaries = await Db.EvidenceByProblemAsync([.. items.SelectMany(i => i.ProblemIds).Distinct()], cancellationToken);
        var before = items.ToDictionary(i => i.Id, i => RiceOf(i, products[i.ProductId].Scoring, ItemContext.BasisOf(i, summaries)));

        if (evidence is null) Db.ProblemEvidence.Add(evidence = new ProblemEvidence { Id = problemId });
        evidence.ProductId = message.ProductId;
        evidence.InsightCount = message.InsightCount;
        evidence.DistinctCustomers = message.DistinctCustomers;
        evidence.DistinctPersonas = message.DistinctPersonas;
        evidence.WeightedScore = message.WeightedScore;
        evidence.AverageImportance = message.AverageImportance;
        evidence.LatestInsightAt = message.LatestInsightAt is { } latest ? StoredTime.Of(latest) : null;
        evidence.ReportedAt = at;
        summaries[problemId] = evidence;
        // Placement queries the database, so each step is saved inside the consumer's transaction.
        await Db.SaveChangesAsync(cancellationToken);

        foreach (var item in items)
        {
            var product = products[item.ProductId];
            var basis = ItemContext.BasisOf(item, summaries);
            var (previous, current) = (before[item.Id], RiceOf(item, product.Scoring, basis));
            if (previous != current) item.LastRescore = new EvidenceRescore { ProblemId = problemId, PreviousScore = previous, Score = current, At = at };
            await Db.RescoreAsync(item, product, basis, place: false, cancellationToken);
            await Db.SaveChangesAsync(cancellationToken);
        }
    }

    private static double? RiceOf(BacklogItem item, ScoringContext scoring, EvidenceBasis evidence) =>
        ItemScorer.EffectiveRice(item.Inputs, scoring, evidence)?.Score(ItemScorer.Typed);
}
