using StrategyV1 = Lodestar.Strategy.V1;

namespace Lodestar.AppHost.Seeding;

/// <summary>What the demo's strategy part created: the product (`products/{id}`), its goals and how many KPIs.</summary>
public sealed record StrategySeed(string Product, IReadOnlyList<StrategyV1.Goal> Goals, int KpiCount);
