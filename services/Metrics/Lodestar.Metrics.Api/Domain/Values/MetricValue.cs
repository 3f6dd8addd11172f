namespace Lodestar.Metrics.Domain.Values;

/// <summary>The latest value of one named metric of a product: the value of the last complete UTC day it has one for.</summary>
public sealed class MetricValue
{
    public Guid WorkspaceId { get; set; }

    public Guid ProductId { get; set; }

    public string MetricKey { get; set; } = "";

    public double Value { get; set; }

    /// <summary>The complete UTC day (day number) the value describes.</summary>
    public int Day { get; set; }

    public DateTime MeasuredAt { get; set; }

    /// <summary>Takes a day's value unless it already holds a later day's (an earlier day was corrected).</summary>
    public void Take(double value, int day, DateTime measuredAt)
    {
        if (day < Day) return;
        Value = value;
        Day = day;
        MeasuredAt = measuredAt;
    }
}
