namespace Lodestar.Discovery.Domain.Problems;

/// <summary>
/// What strategy reported when a KPI fell off track: the KPI (and its resource name, the evidence's origin), its
/// product and metric, the status it left, the value and day that moved it, and why.
/// </summary>
public sealed record KpiFall(
    Guid KpiId,
    string KpiName,
    Guid ProductId,
    string MetricKey,
    string PreviousStatus,
    double? Value,
    DateOnly? AsOfDate,
    string? Reason,
    DateTime At);
