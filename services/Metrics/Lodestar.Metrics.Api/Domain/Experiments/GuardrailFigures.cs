namespace Lodestar.Metrics.Domain.Experiments;

/// <summary>A guardrail event's rates in the control and a variant, and whether it moved significantly the bad way.</summary>
public sealed record GuardrailFigures(string EventName, string Variant, double ControlRate, double Rate, double PValue, bool Breached);
