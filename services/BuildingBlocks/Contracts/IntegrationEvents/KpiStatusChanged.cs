namespace Lodestar.Contracts.IntegrationEvents;

/// <summary>
/// A KPI moved between on-track, at-risk and off-track, and why: <see cref="Value"/> of <see cref="AsOfDate"/> against the
/// target and at-risk band (in <see cref="Direction"/>, "up" or "down"), put in words in <see cref="Reason"/>.
/// </summary>
public sealed record KpiStatusChanged(Guid KpiId, Guid ProductId, string MetricKey, string Status, string PreviousStatus, double? Value)
    : IntegrationEvent
{
    /// <summary>The complete UTC day of the value that moved the status.</summary>
    public DateOnly? AsOfDate { get; init; }

    public double? Target { get; init; }

    public double? AtRiskBand { get; init; }

    public string? Direction { get; init; }

    public string? Reason { get; init; }
}
