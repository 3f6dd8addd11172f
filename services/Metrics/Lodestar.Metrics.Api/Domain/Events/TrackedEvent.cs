namespace Lodestar.Metrics.Domain.Events;

/// <summary>A stored usage event: the source of truth every aggregate is rebuilt from.</summary>
public sealed class TrackedEvent
{
    public long Id { get; set; }

    public Guid WorkspaceId { get; set; }

    public Guid ProductId { get; set; }

    /// <summary>The sender's event id: unique per product, so a resent event is recognised.</summary>
    public string EventKey { get; set; } = "";

    /// <summary>The product's dense index of the user (see <see cref="ProductUser"/>).</summary>
    public int UserIndex { get; set; }

    public string EventName { get; set; } = "";

    public DateTime Time { get; set; }

    /// <summary>The UTC day of <see cref="Time"/> as a <see cref="DateOnly.DayNumber"/>, for grouping without date functions.</summary>
    public int Day { get; set; }

    /// <summary>Properties as JSON, or null.</summary>
    public string? Properties { get; set; }

    public DateTime ReceivedAt { get; set; }
}
