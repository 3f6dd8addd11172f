namespace Lodestar.Metrics.Infrastructure.Aggregates;

/// <summary>A user active on a day with an event name: what one stored event adds to the aggregates.</summary>
public readonly record struct ActivityMark(int Day, int UserIndex, string EventName);
