namespace Lodestar.Discovery.Domain.Hypotheses;

/// <summary>What metrics reported when an experiment concluded: its verdict, when, and the figures it rests on.</summary>
public sealed record ExperimentConclusion(
    Guid ExperimentId,
    HypothesisStatus Verdict,
    DateTime ConcludedAt,
    double? PValue,
    string? Variant,
    double? RelativeLift,
    double? IntervalLow,
    double? IntervalHigh,
    string? Reason);
