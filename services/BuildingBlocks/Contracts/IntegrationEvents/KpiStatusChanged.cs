namespace Lodestar.Contracts.IntegrationEvents;

/// <summary>A KPI moved between on-track, at-risk and off-track.</summary>
public sealed record KpiStatusChanged(Guid KpiId, Guid ProductId, string MetricKey, string Status, string PreviousStatus, double? Value)
    : IntegrationEvent;
