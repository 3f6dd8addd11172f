namespace Lodestar.Contracts.IntegrationEvents;

/// <summary>A sprint ended: delivery progress and velocity.</summary>
public sealed record SprintCompleted(Guid SprintId, Guid ProductId, double CommittedPoints, double CompletedPoints) : IntegrationEvent;
