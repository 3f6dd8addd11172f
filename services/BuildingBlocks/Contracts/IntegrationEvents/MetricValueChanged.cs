namespace Lodestar.Contracts.IntegrationEvents;

/// <summary>The latest value of a metric that strategy KPIs or key results may follow.</summary>
public sealed record MetricValueChanged(Guid ProductId, string MetricKey, double Value, DateTimeOffset MeasuredAt) : IntegrationEvent;
