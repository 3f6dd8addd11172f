namespace Lodestar.Backlog.Domain.Scoring;

/// <summary>Every framework's result for one item, and its sort key under the product's ranking framework.</summary>
public sealed record ScoreCard(
    double? Rice,
    double? Ice,
    double? Wsjf,
    double? CostOfDelay,
    ValueEffortQuadrant? Quadrant,
    double? ValueEffortRatio,
    MoscowInputs? Moscow,
    KanoResult? Kano,
    double? Weighted,
    Framework RankingFramework,
    double? RankingScore);
