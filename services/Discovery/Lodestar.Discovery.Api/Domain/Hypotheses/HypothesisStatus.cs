namespace Lodestar.Discovery.Domain.Hypotheses;

/// <summary>Where a hypothesis is; numbers match the API's enum.</summary>
public enum HypothesisStatus
{
    Draft = 1,
    Testing = 2,
    Validated = 3,
    Invalidated = 4,
    Inconclusive = 5,
}
