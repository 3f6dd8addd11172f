namespace Lodestar.Backlog.Domain.Ranking;

/// <summary>How one top item's rank holds up under sampled inputs.</summary>
public sealed record RobustnessResult(
    Guid Id,
    string Title,
    int Rank,
    int BandStart,
    int BandEnd,
    double Probability,
    int RankP5,
    int RankMedian,
    int RankP95);
