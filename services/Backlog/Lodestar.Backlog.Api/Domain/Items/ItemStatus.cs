namespace Lodestar.Backlog.Domain.Items;

/// <summary>Where an item is in delivery; numbers match the API's enum.</summary>
public enum ItemStatus
{
    Idea = 1,
    Ready = 2,
    InProgress = 3,
    Done = 4,
    Shipped = 5,
    WontDo = 6,
}
