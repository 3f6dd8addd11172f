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

    public List<Guid> BacklogItemIds { get; set; } = [];

    /// <summary>Its delivery progress, by count and by points (see <see cref="InitiativeProgress"/>).</summary>
    public InitiativeProgress ProgressWith(IReadOnlyDictionary<Guid, DeliveryItem> known, IReadOnlySet<Guid> shipped) =>
        InitiativeProgress.Of(BacklogItemIds, known, shipped);

    /// <summary>
    /// Takes what the backlog now says of an item's links: linked to this initiative, or no longer (unlinked or deleted).
    /// Returns whether the list changed.
    /// </summary>
    public bool Follow(Guid itemId, bool linked)
    {
        var listed = BacklogItemIds.Contains(itemId);
        if (linked == listed || (linked && BacklogItemIds.Count >= MaxItems)) return false;
        BacklogItemIds = linked ? [.. BacklogItemIds, itemId] : [.. BacklogItemIds.Where(i => i != itemId)];
        return true;
    }

    /// <summary>"2027 Q1" for the start date's quarter, null without a start date.</summary>
    public string? Quarter => StartDate is { } start ? $"{start.Year} Q{((start.Month - 1) / 3) + 1}" : null;
}
