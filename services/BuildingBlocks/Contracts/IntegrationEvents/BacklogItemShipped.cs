namespace Lodestar.Contracts.IntegrationEvents;

/// <summary>A backlog item shipped: a release marker for impact measurement and roadmap progress.</summary>
public sealed record BacklogItemShipped(
    Guid ItemId,
    Guid ProductId,
    string Title,
    IReadOnlyList<Guid> HypothesisIds,
    IReadOnlyList<Guid> GoalIds,
    IReadOnlyList<Guid> InitiativeIds) : IntegrationEvent;
