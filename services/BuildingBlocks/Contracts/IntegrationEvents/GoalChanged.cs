namespace Lodestar.Contracts.IntegrationEvents;

/// <summary>A goal (objective) was created, changed or closed.</summary>
public sealed record GoalChanged(Guid GoalId, Guid ProductId, string Title, string Status) : IntegrationEvent;
