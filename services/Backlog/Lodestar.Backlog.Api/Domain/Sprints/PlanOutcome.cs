namespace Lodestar.Backlog.Domain.Sprints;

/// <summary>What planning decided about one candidate.</summary>
public sealed record PlanOutcome(PlanCandidate Candidate, bool Added, bool Maintenance, SkipReason? Reason, string Detail);
