namespace Lodestar.Backlog.Domain.Scoring;

/// <summary>An uncertain numeric input ("rice.reach") as the range it may plausibly fall in.</summary>
public sealed record InputRange(string Input, double Low, double High);
