using Lodestar.Api;
using Lodestar.Discovery.Domain.Problems;
using Lodestar.Discovery.Infrastructure;
using Lodestar.Persistence;
using V1 = Lodestar.Discovery.V1;

namespace Lodestar.Discovery.Grpc;

/// <summary>Domain ⇄ API shapes of problems and their evidence.</summary>
public static class ProblemMapping
{
    public static V1.EvidenceSummary EvidenceOf(this Problem problem)
    {
        var evidence = new V1.EvidenceSummary
        {
            InsightCount = problem.InsightCount,
            DistinctCustomers = problem.DistinctCustomers,
            DistinctPersonas = problem.DistinctPersonas,
            WeightedScore = problem.WeightedScore,
            AverageImportance = problem.AverageImportance,
            LatestInsightTime = problem.LatestInsightAt?.ToUtcTimestamp(),
            ComputeTime = problem.EvidenceComputedAt?.ToUtcTimestamp(),
        };
        if (problem.OpportunityScore is { } opportunity) evidence.OpportunityScore = opportunity;
        return evidence;
    }

    public static V1.Problem ToProto(this Problem problem) =>
        new()
        {
            Name = ResourceNames.Format(DiscoveryNames.Problems, problem.Id),
            Product = ResourceNames.Format(DiscoveryNames.Products, problem.ProductId),
            Title = problem.Title,
            When = problem.When,
            Want = problem.Want,
            SoThat = problem.SoThat,
            Statement = problem.Statement,
            Personas = { problem.PersonaIds.Select(id => ResourceNames.Format(DiscoveryNames.Personas, id)) },
            Status = (V1.ProblemStatus)problem.Status,
            Evidence = EvidenceOf(problem),
            Metadata = problem.ToMetadata(),
            Goals = { problem.GoalIds.Select(id => ResourceNames.Format(DiscoveryNames.Goals, id)) },
            Solutions = { problem.SolutionIds.Select(id => ResourceNames.Format(DiscoveryNames.BacklogItems, id)) },
            OpenedByKpi = problem.OpenedByKpiId is { } kpi ? ResourceNames.Format(DiscoveryNames.Kpis, kpi) : "",
            OpenedByKpiDate = problem.OpenedByKpiDate?.ToProto(),
        };
}
