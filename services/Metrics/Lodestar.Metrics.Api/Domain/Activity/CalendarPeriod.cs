namespace Lodestar.Metrics.Domain.Activity;

/// <summary>A UTC day, an ISO week (Monday first) or a calendar month.</summary>
public enum CalendarPeriod
{
    Day,
    Week,
    Month,
}
