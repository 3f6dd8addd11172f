namespace Lodestar.Backlog.Domain.Sprints;

/// <summary>
/// What planning a sprint proposes: the capacity it used and where that came from ("request", "sprint" or
/// "velocity"), the maintenance target and the bug and tech-debt points in the sprint once the plan is committed, and
/// each candidate's outcome.
/// </summary>
public sealed record SprintPlan(double Capacity, string CapacitySource, double MaintenanceTarget, double MaintenancePoints, IReadOnlyList<PlanOutcome> Outcomes);
