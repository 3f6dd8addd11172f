namespace Lodestar.Metrics.Domain.Values;

/// <summary>
/// One named metric's value for one complete UTC day: the history the recorder compares a recomputation with, so that
/// only values that moved are published, for whichever day they moved on.
/// </summary>
public sealed class MetricDayValue
{
    public Guid WorkspaceId { get; set; }

    public Guid ProductId { get; set; }

    public string MetricKey { get; set; } = "";

    /// <summary>The UTC day number.</summary>
    public int Day { get; set; }

    public double Value { get; set; }

    public DateTime MeasuredAt { get; set; }
}
