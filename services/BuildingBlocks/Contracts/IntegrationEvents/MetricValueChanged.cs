namespace Lodestar.Contracts.IntegrationEvents;

/// <summary>
/// A metric's value for one complete UTC day moved (a new day, or a correction of an earlier one): strategy's KPIs, key
/// results and stage suggestion follow it. <see cref="AsOfDate"/> is the day the value describes; <see cref="MeasuredAt"/>
/// when it was computed.
/// </summary>
public sealed record MetricValueChanged(Guid ProductId, string MetricKey, double Value, DateTimeOffset MeasuredAt) : IntegrationEvent
{
    /// <summary>The complete UTC day the value describes (absent from publishers older than the complete-day rule).</summary>
    public DateOnly? AsOfDate { get; init; }
}
