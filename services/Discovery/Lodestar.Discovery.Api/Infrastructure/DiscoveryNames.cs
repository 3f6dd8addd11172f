namespace Lodestar.Discovery.Infrastructure;

/// <summary>The collection names in discovery's resource names, its own and those of resources other services own.</summary>
public static class DiscoveryNames
{
    public const string Products = "products";
    public const string Personas = "personas";
    public const string Insights = "insights";
    public const string Problems = "problems";
    public const string Hypotheses = "hypotheses";
    public const string Experiments = "experiments";
    public const string Goals = "goals";
    public const string BacklogItems = "backlogItems";
    public const string Kpis = "kpis";
}
