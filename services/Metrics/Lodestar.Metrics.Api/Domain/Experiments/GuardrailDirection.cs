namespace Lodestar.Metrics.Domain.Experiments;

/// <summary>Which way a guardrail event must not move.</summary>
public enum GuardrailDirection
{
    IncreaseIsBad = 1,
    DecreaseIsBad = 2,
}
