using Lodestar.Persistence;

namespace Lodestar.Strategy.Domain.Roadmap;

/// <summary>A backlog item the backlog service reported shipped.</summary>
public sealed class ShippedItem : WorkspaceEntity
{
    public Guid ItemId { get; set; }

    public Guid ProductId { get; set; }

    public string Title { get; set; } = "";
}
