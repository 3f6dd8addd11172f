using Lodestar.Metrics.Domain.Statistics;

namespace Lodestar.Metrics.Domain.Experiments;

/// <summary>
/// An experiment's analysis and the verdict it supports now (<see cref="Verdict.None"/> while too early); <see cref="Leader"/>
/// is the variant the verdict rests on (none without a challenger).
/// </summary>
public sealed record ExperimentFigures(
    IReadOnlyList<VariantFigures> Variants,
    SampleRatioCheck SampleRatio,
    IReadOnlyList<GuardrailFigures> Guardrails,
    long PlannedUsersPerVariant,
    bool PlannedSampleReached,
    bool SequentialBoundaryCrossed,
    Verdict Recommendation,
    string Reason,
    double? DecidingPValue,
    VariantFigures? Leader);
