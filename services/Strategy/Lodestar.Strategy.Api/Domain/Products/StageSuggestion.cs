namespace Lodestar.Strategy.Domain.Products;

/// <summary>The outcome of <see cref="StageSuggestionRule"/>: a stage (or none), and why.</summary>
public sealed record StageSuggestion(
    LifecycleStage? Stage,
    string Rule,
    string Explanation,
    IReadOnlyList<ActivityPoint> History,
    double AverageGrowth,
    int FallingPeriods);
