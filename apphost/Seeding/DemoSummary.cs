namespace Lodestar.AppHost.Seeding;

/// <summary>What the demo seed created: the product's name and the sizes a newcomer will see.</summary>
public sealed record DemoSummary(string Product, int Insights, int BacklogItems, int Events, int Users, int Hypotheses);
