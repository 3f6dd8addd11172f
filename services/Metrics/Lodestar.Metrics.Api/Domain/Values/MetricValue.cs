namespace Lodestar.Metrics.Domain.Values;

/// <summary>The latest computed value of one named metric of a product.</summary>
public sealed class MetricValue
{
    public Guid WorkspaceId { get; set; }

    public Guid ProductId { get; set; }

    public string MetricKey { get; set; } = "";

    public double Value { get; set; }

    public DateTime MeasuredAt { get; set; }
}
