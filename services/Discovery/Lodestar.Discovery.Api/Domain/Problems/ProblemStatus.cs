namespace Lodestar.Discovery.Domain.Problems;

/// <summary>Where a problem is in discovery; numbers match the API's enum.</summary>
public enum ProblemStatus
{
    New = 1,
    Exploring = 2,
    Validated = 3,
    Parked = 4,
}
