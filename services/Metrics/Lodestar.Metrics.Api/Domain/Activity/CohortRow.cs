namespace Lodestar.Metrics.Domain.Activity;

/// <summary>A cohort (users first seen in the period starting <paramref name="Start"/>) and its retention for N = 0..k.</summary>
public sealed record CohortRow(DateOnly Start, long Users, IReadOnlyList<RetentionCell> Cells);
