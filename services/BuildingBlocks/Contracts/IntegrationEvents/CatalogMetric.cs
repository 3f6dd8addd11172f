namespace Lodestar.Contracts.IntegrationEvents;

/// <summary>One of a product's own metrics in <see cref="MetricCatalogChanged"/>: the key KPIs bind to, and its name.</summary>
public sealed record CatalogMetric(string Key, string DisplayName);
