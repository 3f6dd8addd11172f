namespace Lodestar.Backlog.Domain.Scoring;

/// <summary>A prioritization framework; numbers match the API's enum.</summary>
public enum Framework
{
    Rice = 1,
    Ice = 2,
    Wsjf = 3,
    ValueEffort = 4,
    Moscow = 5,
    Kano = 6,
    Weighted = 7,
}
