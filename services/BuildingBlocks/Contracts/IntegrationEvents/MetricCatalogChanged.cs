namespace Lodestar.Contracts.IntegrationEvents;

/// <summary>
/// The metrics a product has beyond the built-in ones (today its funnels' conversions) changed: the whole list, so a
/// consumer replaces what it holds. <see cref="Revision"/> grows with every change of the product's list; an older
/// revision never wins.
/// </summary>
public sealed record MetricCatalogChanged(Guid ProductId, long Revision, IReadOnlyList<CatalogMetric> Metrics) : IntegrationEvent;
