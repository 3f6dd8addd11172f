namespace Lodestar.Backlog.Infrastructure;

/// <summary>Collection ids of the resources the backlog names, its own and other services'.</summary>
public static class BacklogNames
{
    public const string Items = "backlogItems";
    public const string Products = "products";
    public const string Problems = "problems";
    public const string Hypotheses = "hypotheses";
    public const string Goals = "goals";
    public const string Initiatives = "initiatives";
    public const string Sprints = "sprints";
    public const string Settings = "backlogSettings";
    public const string Backlog = "backlog";
}
