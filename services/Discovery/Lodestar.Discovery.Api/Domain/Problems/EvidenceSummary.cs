namespace Lodestar.Discovery.Domain.Problems;

/// <summary>The evidence behind a problem; see <see cref="EvidenceCalculator"/> for how each figure is made.</summary>
public sealed record EvidenceSummary(
    int InsightCount,
    int DistinctCustomers,
    int DistinctPersonas,
    double WeightedScore,
    double AverageImportance,
    double? OpportunityScore,
    DateTime? LatestInsightAt)
{
    public static EvidenceSummary Empty { get; } = new(0, 0, 0, 0, 0, null, null);
}
