using Lodestar.Backlog.Domain.Context;
using Lodestar.Backlog.Domain.Items;
using Lodestar.Backlog.Domain.Products;
using Lodestar.Backlog.Domain.Scoring;
using Lodestar.Messaging.ReportedCopies;

namespace Lodestar.Backlog.Infrastructure;

/// <summary>What it takes to show items: their products' settings, the evidence and hypotheses they link, their blockers.</summary>
public sealed record ItemContext(
    IReadOnlyDictionary<Guid, BacklogProduct> Products,
    IReadOnlyDictionary<Guid, ProblemEvidence> Evidence,
    IReadOnlySet<Guid> InvalidatedHypotheses,
    IReadOnlyDictionary<Guid, ItemStatus> BlockerStatuses,
    IReadOnlyDictionary<Guid, GoalCopy> Goals)
{
    public ScoringContext ScoringOf(BacklogItem item) => Products[item.ProductId].Scoring;

    public IEnumerable<ProblemEvidence> EvidenceOf(BacklogItem item) => EvidenceOf(item, Evidence);

    public EvidenceBasis BasisOf(BacklogItem item) => BasisOf(item, Evidence);

    /// <summary>The evidence basis of <paramref name="item"/> from summaries by problem id.</summary>
    public static EvidenceBasis BasisOf(BacklogItem item, IReadOnlyDictionary<Guid, ProblemEvidence> evidence) => Basis([.. EvidenceOf(item, evidence)]);

    private static IEnumerable<ProblemEvidence> EvidenceOf(BacklogItem item, IReadOnlyDictionary<Guid, ProblemEvidence> evidence) =>
        item.ProblemIds.Select(id => evidence.GetValueOrDefault(id)).OfType<ProblemEvidence>();

    public static EvidenceBasis Basis(IReadOnlyList<ProblemEvidence> evidence) =>
        evidence.Count == 0
            ? EvidenceBasis.None
            : new EvidenceBasis(evidence.Count, evidence.Sum(e => e.InsightCount), evidence.Sum(e => e.DistinctCustomers),
                evidence.Sum(e => e.WeightedScore), evidence.Max(e => e.LatestInsightAt));

    public ScoreCard ScoreOf(BacklogItem item) => ItemScorer.Score(item.Inputs, ScoringOf(item), BasisOf(item));

    public bool HypothesisInvalidated(BacklogItem item) => item.HypothesisIds.Any(InvalidatedHypotheses.Contains);

    /// <summary>Blockers neither done nor shipped; a blocker deleted meanwhile no longer blocks.</summary>
    public IEnumerable<Guid> OpenBlockersOf(BacklogItem item) =>
        item.BlockedBy.Where(id => BlockerStatuses.TryGetValue(id, out var status) && !status.IsFinished());
}
