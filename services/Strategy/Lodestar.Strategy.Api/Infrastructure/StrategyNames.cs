namespace Lodestar.Strategy.Infrastructure;

/// <summary>The collection names in strategy's resource names, its own and those of resources other services own.</summary>
public static class StrategyNames
{
    public const string Products = "products";
    public const string StageReviews = "stageReviews";
    public const string Kpis = "kpis";
    public const string Goals = "goals";
    public const string KeyResults = "keyResults";
    public const string Initiatives = "initiatives";
    public const string Competitors = "competitors";
    public const string Decisions = "decisions";
    public const string Stakeholders = "stakeholders";
    public const string Hypotheses = "hypotheses";
    public const string BacklogItems = "backlogItems";
}
