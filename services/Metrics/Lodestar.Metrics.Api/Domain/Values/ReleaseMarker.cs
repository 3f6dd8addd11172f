using Lodestar.Persistence;

namespace Lodestar.Metrics.Domain.Values;

/// <summary>A release: a backlog item that shipped (the id is the backlog item's), the reference point of impact queries.</summary>
public sealed class ReleaseMarker : WorkspaceEntity
{
    public Guid ProductId { get; set; }

    public string Title { get; set; } = "";

    public DateTime ShippedAt { get; set; }

    public List<Guid> HypothesisIds { get; set; } = [];
}
