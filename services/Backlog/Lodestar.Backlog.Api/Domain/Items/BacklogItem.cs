using Lodestar.Backlog.Domain.Scoring;
using Lodestar.Errors;
using Lodestar.Persistence;

namespace Lodestar.Backlog.Domain.Items;

/// <summary>A unit of work in a product's backlog.</summary>
public sealed class BacklogItem : WorkspaceEntity
{
    public const int MaxTitle = 200;
    public const int MaxDescription = 20_000;
    public const int MaxLabels = 20;
    public const int MaxLabel = 50;
    public const int MaxLinks = 50;
    public const double MaxEstimate = 1_000;
    public const int MaxExternalKey = 50;

    public Guid ProductId { get; set; }

    public ItemType Type { get; set; }

    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    public List<string> Labels { get; set; } = [];

    public double? EstimatePoints { get; set; }

    public ItemStatus Status { get; set; } = ItemStatus.Idea;

    public Guid? ParentId { get; set; }

    public List<Guid> ProblemIds { get; set; } = [];

    public List<Guid> HypothesisIds { get; set; } = [];

    public List<Guid> GoalIds { get; set; } = [];

    public List<Guid> InitiativeIds { get; set; } = [];

    public List<Guid> BlockedBy { get; set; } = [];

    public PriorityInputs Inputs { get; set; } = new();

    /// <summary>The sort key under the product's ranking framework, kept in step with the inputs; null when unscored.</summary>
    public double? RankingScore { get; set; }

    /// <summary>Fractional rank key: the ranked backlog is ordered by it (ordinal comparison).</summary>
    public string Rank { get; set; } = "";

    public bool ManuallyRanked { get; set; }

    public string? ExternalKey { get; set; }

    public Guid? SprintId { get; set; }

    public DateTime? DoneTime { get; set; }

    public DateTime? ShipTime { get; set; }

    public EvidenceRescore? LastRescore { get; set; }

    /// <summary>A manual move places the item above or below another item of the same backlog (<paramref name="field"/> names it).</summary>
    public void EnsureMovableNextTo(BacklogItem target, string field)
    {
        if (target.Id == Id) throw new ValidationException(field, "An item cannot be placed relative to itself.");
        if (target.ProductId != ProductId) throw new ValidationException(field, "The item belongs to another product's backlog.");
    }
}
