namespace Lodestar.Metrics.Infrastructure.Aggregates;

/// <summary>A user joins the cohort of <paramref name="ToDay"/>, leaving <paramref name="FromDay"/> (null for a new user).</summary>
public readonly record struct CohortChange(int UserIndex, int? FromDay, int ToDay);
