using Lodestar.Persistence;

namespace Lodestar.Strategy.Domain.Roadmap;

/// <summary>A roadmap initiative of a product, tied to goals and delivered by backlog items.</summary>
public sealed class Initiative : WorkspaceEntity
{
    public const int MaxTitle = 200;
    public const int MaxDescription = 4_000;
    public const int MaxMilestones = 50;
    public const int MaxGoals = 50;
    public const int MaxItems = 500;

    public Guid ProductId { get; set; }

    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    public Horizon Horizon { get; set; }

    public DateOnly? StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    public List<Milestone> Milestones { get; set; } = [];

    public List<Guid> GoalIds { get; set; } = [];

    /// <summary>Items linked on strategy's side (the backlog's own links live on its items: see <see cref="Delivery"/>).</summary>
    public List<Guid> BacklogItemIds { get; set; } = [];

    /// <summary>"2027 Q1" for the start date's quarter, null without a start date.</summary>
    public string? Quarter => StartDate is { } start ? $"{start.Year} Q{((start.Month - 1) / 3) + 1}" : null;
}
