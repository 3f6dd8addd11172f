namespace Lodestar.Metrics.Domain.Events;

/// <summary>A validated event on its way into storage.</summary>
public sealed record IncomingEvent(string EventKey, string DistinctId, string EventName, DateTime Time, string? Properties)
{
    public int Day => UtcDays.Of(Time);
}
