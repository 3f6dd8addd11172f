namespace Lodestar.Contracts.IntegrationEvents;

/// <summary>A hypothesis moved between draft, testing, validated, invalidated and inconclusive.</summary>
public sealed record HypothesisStatusChanged(Guid HypothesisId, Guid? ProductId, string Status, string? MetricKey) : IntegrationEvent;
