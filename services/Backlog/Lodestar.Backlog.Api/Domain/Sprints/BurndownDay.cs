namespace Lodestar.Backlog.Domain.Sprints;

/// <summary>One day of a burndown; <see cref="Remaining"/> is null for days still to come.</summary>
public sealed record BurndownDay(DateOnly Date, double Scope, double Completed, double? Remaining, double Ideal);
