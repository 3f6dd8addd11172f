namespace Lodestar.Metrics.Domain.Funnels;

/// <summary>One event of a funnel step, as the calculator reads it.</summary>
public readonly record struct FunnelEvent(int UserIndex, string EventName, DateTime Time);
