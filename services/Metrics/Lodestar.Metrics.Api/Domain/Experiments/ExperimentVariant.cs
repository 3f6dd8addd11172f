namespace Lodestar.Metrics.Domain.Experiments;

/// <summary>An arm of an experiment: its key, share of users in percent, and whether it is the control.</summary>
public sealed record ExperimentVariant(string Key, double WeightPercent, bool Control);
