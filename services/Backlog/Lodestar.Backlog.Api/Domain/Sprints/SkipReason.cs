namespace Lodestar.Backlog.Domain.Sprints;

/// <summary>Why planning left an item out; numbers match the API's enum.</summary>
public enum SkipReason
{
    OverCapacity = 1,
    Blocked = 2,
    NotEstimated = 3,
    Epic = 4,
}
