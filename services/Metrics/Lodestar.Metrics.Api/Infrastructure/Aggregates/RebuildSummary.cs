namespace Lodestar.Metrics.Infrastructure.Aggregates;

/// <summary>What a rebuild read: stored events, users and days with activity.</summary>
public readonly record struct RebuildSummary(long Events, long Users, int Days);
