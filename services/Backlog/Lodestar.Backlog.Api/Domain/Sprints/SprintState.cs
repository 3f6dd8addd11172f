namespace Lodestar.Backlog.Domain.Sprints;

/// <summary>Where a sprint is; numbers match the API's enum.</summary>
public enum SprintState
{
    Planned = 1,
    Active = 2,
    Completed = 3,
}
