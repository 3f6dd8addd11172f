namespace Lodestar.Contracts.IntegrationEvents;

/// <summary>The evidence summary of a problem changed; backlog re-scores the items that solve it.</summary>
public sealed record ProblemEvidenceChanged(
    Guid ProblemId,
    Guid? ProductId,
    int InsightCount,
    int DistinctCustomers,
    int DistinctPersonas,
    double WeightedScore) : IntegrationEvent;
