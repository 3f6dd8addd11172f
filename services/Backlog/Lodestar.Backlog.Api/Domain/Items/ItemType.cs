namespace Lodestar.Backlog.Domain.Items;

/// <summary>What kind of work an item is; numbers match the API's enum.</summary>
public enum ItemType
{
    Feature = 1,
    Bug = 2,
    TechDebt = 3,
    Story = 4,
    Epic = 5,
}
