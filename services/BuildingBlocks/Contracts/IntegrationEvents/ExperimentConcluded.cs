namespace Lodestar.Contracts.IntegrationEvents;

/// <summary>An experiment reached its verdict (validated, invalidated or inconclusive) for a hypothesis.</summary>
public sealed record ExperimentConcluded(Guid ExperimentId, Guid? HypothesisId, string Verdict, double? PValue) : IntegrationEvent;
