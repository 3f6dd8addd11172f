using Lodestar.Persistence;

namespace Lodestar.Strategy.Domain.Products;

/// <summary>A product's active users (a metric such as <c>mau</c>) on one complete UTC day, as the metrics service measured them.</summary>
public sealed class ActivityPoint : WorkspaceEntity
{
    public Guid ProductId { get; set; }

    /// <summary>The metric: one of <see cref="StageSuggestionOptions.PeriodDays"/>' keys.</summary>
    public string MetricKey { get; set; } = "";

    /// <summary>The complete UTC day the value describes.</summary>
    public DateOnly Date { get; set; }

    public DateTime MeasuredAt { get; set; }

    public double ActiveUsers { get; set; }
}
