namespace Lodestar.Backlog.Domain.Scoring;

/// <summary>Quadrants of the value-versus-effort matrix, best first; numbers match the API's enum.</summary>
public enum ValueEffortQuadrant
{
    QuickWin = 1,
    BigBet = 2,
    FillIn = 3,
    MoneyPit = 4,
}
