namespace Lodestar.Backlog.Domain.Scoring;

/// <summary>
/// Reads a numeric input by its path ("rice.reach") and typed value: the typed value itself when scoring, a sampled
/// value when rank robustness draws from the input's range.
/// </summary>
public delegate double InputReader(string input, double typed);
