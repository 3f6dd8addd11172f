namespace Lodestar.Metrics.Domain.Experiments;

/// <summary>An event that must not move significantly in the bad direction.</summary>
public sealed record ExperimentGuardrail(string EventName, GuardrailDirection Direction);
