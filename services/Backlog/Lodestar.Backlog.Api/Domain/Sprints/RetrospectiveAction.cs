namespace Lodestar.Backlog.Domain.Sprints;

/// <summary>An action agreed in a retrospective.</summary>
public sealed record RetrospectiveAction(string Description, string Owner, DateOnly? DueDate, bool Done);
