using Lodestar.Persistence;

namespace Lodestar.Strategy.Domain.Kpis;

/// <summary>
/// One of a product's own metrics (beyond the built-in ones) as the metrics service last listed them: a key KPIs and key
/// results may bind to.
/// </summary>
public sealed class ProductMetric : WorkspaceEntity
{
    public const int MaxDisplayName = 200;

    public Guid ProductId { get; set; }

    public string MetricKey { get; set; } = "";

    public string DisplayName { get; set; } = "";
}
