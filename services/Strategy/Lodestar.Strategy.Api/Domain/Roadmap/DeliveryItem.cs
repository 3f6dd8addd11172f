using Lodestar.Persistence;

namespace Lodestar.Strategy.Domain.Roadmap;

/// <summary>
/// A backlog item as the roadmap knows it from BacklogItemChanged: the initiatives the backlog links it to, its estimate
/// and status. Only a newer version of the item replaces it.
/// </summary>
public sealed class DeliveryItem : WorkspaceEntity
{
    public const string Shipped = "shipped";
    public const string WontDo = "wont-do";

    /// <summary>The backlog's limit on an item's title.</summary>
    public const int MaxTitle = 200;

    public Guid ItemId { get; set; }

    public Guid ProductId { get; set; }

    public string Title { get; set; } = "";

    /// <summary>The initiatives the backlog links the item to (strategy's own links live on the initiative).</summary>
    public List<Guid> InitiativeIds { get; set; } = [];

    public double? EstimatePoints { get; set; }

    public string Status { get; set; } = "";

    public bool Deleted { get; set; }

    /// <summary>The backlog item's version this copy reflects.</summary>
    public long ItemVersion { get; set; }
}
