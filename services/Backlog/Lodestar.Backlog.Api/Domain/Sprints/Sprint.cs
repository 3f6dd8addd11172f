using Lodestar.Persistence;

namespace Lodestar.Backlog.Domain.Sprints;

/// <summary>A time-boxed iteration of a product's team.</summary>
public sealed class Sprint : WorkspaceEntity
{
    public const int MaxDisplayName = 100;
    public const int MaxGoal = 1_000;
    public const int MaxReviewNotes = 10_000;
    public const int MaxDays = 60;
    public const double MaxCapacity = 10_000;

    public Guid ProductId { get; set; }

    public string DisplayName { get; set; } = "";

    public string Goal { get; set; } = "";

    public DateOnly StartDate { get; set; }

    public DateOnly EndDate { get; set; }

    public double? CapacityPoints { get; set; }

    public SprintState State { get; set; } = SprintState.Planned;

    public double StartPoints { get; set; }

    public double CompletedPoints { get; set; }

    public string ReviewNotes { get; set; } = "";

    public Retrospective Retrospective { get; set; } = new();

    public DateTime? StartTime { get; set; }

    public DateTime? CompleteTime { get; set; }

    public bool Overlaps(DateOnly start, DateOnly end) => StartDate <= end && start <= EndDate;
}
