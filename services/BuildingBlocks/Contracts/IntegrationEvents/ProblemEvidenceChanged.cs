namespace Lodestar.Contracts.IntegrationEvents;

/// <summary>
/// The evidence summary of a problem changed; backlog re-scores the items that solve it. <see cref="WeightedScore"/> is
/// discovery's importance-weighted, recency-decayed score counting each customer once; <see cref="AverageImportance"/>
/// the mean 0–3 importance of each customer's latest insight.
/// </summary>
public sealed record ProblemEvidenceChanged(
    Guid ProblemId,
    Guid? ProductId,
    int InsightCount,
    int DistinctCustomers,
    int DistinctPersonas,
    double WeightedScore,
    double AverageImportance,
    DateTimeOffset? LatestInsightAt) : IntegrationEvent;
