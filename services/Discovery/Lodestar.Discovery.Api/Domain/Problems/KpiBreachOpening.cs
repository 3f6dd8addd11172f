using Lodestar.Discovery.Domain.Insights;

namespace Lodestar.Discovery.Domain.Problems;

/// <summary>What a KPI's fall opens: the breach, the problem to investigate, and the analytics insight that is its first evidence, linked.</summary>
public sealed record KpiBreachOpening(KpiBreach Breach, Problem Problem, Insight Insight, ProblemInsight Link);
