using Lodestar.Metrics.Domain.Statistics;

namespace Lodestar.Metrics.Domain.Experiments;

/// <summary>A variant's conversions and, for a non-control variant, its comparison with the control.</summary>
public sealed record VariantFigures(
    ExperimentVariant Variant, Conversions Conversions, ProportionComparison? Comparison, SequentialResult? Sequential, double SequentialPValue, double ChanceToBeatControl);
