using Lodestar.Persistence;

namespace Lodestar.Backlog.Domain.Sprints;

/// <summary>
/// An item's time in a sprint: when it was committed and with how many points, and when it left (removed or rolled
/// over). The burndown replays these; an item's current sprint is on the item itself.
/// </summary>
public sealed class SprintItem : WorkspaceEntity
{
    public Guid SprintId { get; set; }

    public Guid ItemId { get; set; }

    public double Points { get; set; }

    public DateTime AddedAt { get; set; }

    public DateTime? RemovedAt { get; set; }

    /// <summary>The sprint it rolled over to, or null when it went back to the backlog or finished here.</summary>
    public Guid? RolledOverTo { get; set; }
}
