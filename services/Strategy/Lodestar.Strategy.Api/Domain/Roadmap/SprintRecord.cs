using Lodestar.Persistence;

namespace Lodestar.Strategy.Domain.Roadmap;

/// <summary>A completed sprint of a product, for its velocity.</summary>
public sealed class SprintRecord : WorkspaceEntity
{
    public Guid SprintId { get; set; }

    public Guid ProductId { get; set; }

    public double CommittedPoints { get; set; }

    public double CompletedPoints { get; set; }

    public DateTime CompletedAt { get; set; }
}
