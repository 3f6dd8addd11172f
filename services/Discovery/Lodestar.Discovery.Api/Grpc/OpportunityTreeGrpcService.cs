using Grpc.Core;
using Lodestar.Api;
using Lodestar.Discovery.Domain.Hypotheses;
using Lodestar.Discovery.Domain.Problems;
using Lodestar.Discovery.Infrastructure;
using Lodestar.Errors;
using Microsoft.EntityFrameworkCore;
using V1 = Lodestar.Discovery.V1;

namespace Lodestar.Discovery.Grpc;

/// <summary>lodestar.discovery.v1.OpportunityTreeService: outcomes → problems → solutions → hypotheses, in one read.</summary>
public sealed class OpportunityTreeGrpcService(DiscoveryDbContext db) : V1.OpportunityTreeService.OpportunityTreeServiceBase
{
    private const string Singleton = "opportunityTree";

    public override async Task<V1.OpportunityTree> GetOpportunityTree(V1.GetOpportunityTreeRequest request, ServerCallContext context)
    {
        var productId = ResourceNames.ParseSingletonParentId(request.Name, DiscoveryNames.Products, Singleton, "name");
        var violations = new Violations();
        var goalId = ResourceNames.ParseOptionalId(request.Goal, DiscoveryNames.Goals, "goal", violations);
        violations.ThrowIfAny();
        await db.FindProductAsync(ResourceNames.Format(DiscoveryNames.Products, productId), "name", context.CancellationToken);

        var problemsQuery = db.Problems.AsNoTracking().Where(p => p.ProductId == productId);
        if (request.SkipParked) problemsQuery = problemsQuery.Where(p => p.Status != ProblemStatus.Parked);
        var problems = await problemsQuery.OrderByDescending(p => p.WeightedScore).ThenBy(p => p.Id).ToListAsync(context.CancellationToken);
        if (goalId is { } only) problems = [.. problems.Where(p => p.GoalIds.Contains(only))];
        var problemIds = problems.Select(p => p.Id).ToList();
        var hypotheses = (await db.Hypotheses.AsNoTracking().Where(h => h.ProblemId != null && problemIds.Contains(h.ProblemId.Value))
            .OrderBy(h => h.CreateTime).ToListAsync(context.CancellationToken)).ToLookup(h => h.ProblemId!.Value);
        var personaIds = hypotheses.SelectMany(g => g).Select(h => h.PersonaId).OfType<Guid>().Distinct().ToList();
        var personas = await db.Personas.AsNoTracking().Where(p => personaIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, context.CancellationToken);
        var goalIds = goalId is { } g ? [g] : problems.SelectMany(p => p.GoalIds).Distinct().ToList();
        var goals = await db.Goals.AsNoTracking().Where(x => goalIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Title, context.CancellationToken);

        V1.ProblemNode Node(Problem problem)
        {
            var node = new V1.ProblemNode
            {
                Problem = ResourceNames.Format(DiscoveryNames.Problems, problem.Id),
                Title = problem.Title,
                Status = (V1.ProblemStatus)problem.Status,
                Evidence = problem.EvidenceOf(),
            };
            var ofProblem = hypotheses[problem.Id].ToList();
            foreach (var solution in problem.SolutionIds)
            {
                node.Solutions.Add(new V1.SolutionNode
                {
                    BacklogItem = ResourceNames.Format(DiscoveryNames.BacklogItems, solution),
                    Hypotheses = { ofProblem.Where(h => h.BacklogItemId == solution).Select(h => Leaf(h, personas)) },
                });
            }
            node.Hypotheses.Add(ofProblem.Where(h => h.BacklogItemId is not { } item || !problem.SolutionIds.Contains(item)).Select(h => Leaf(h, personas)));
            return node;
        }

        var tree = new V1.OpportunityTree { Name = request.Name };
        foreach (var goal in goalIds.OrderBy(id => goals.GetValueOrDefault(id) ?? "\uffff").ThenBy(id => id))
        {
            tree.Outcomes.Add(new V1.OutcomeNode
            {
                Goal = ResourceNames.Format(DiscoveryNames.Goals, goal),
                Title = goals.GetValueOrDefault(goal) ?? "",
                Problems = { problems.Where(p => p.GoalIds.Contains(goal)).Select(Node) },
            });
        }
        if (goalId is null && problems.Where(p => p.GoalIds.Count == 0).ToList() is { Count: > 0 } loose)
            tree.Outcomes.Add(new V1.OutcomeNode { Problems = { loose.Select(Node) } });
        return tree;
    }

    private static V1.HypothesisNode Leaf(Hypothesis hypothesis, IReadOnlyDictionary<Guid, string> personas)
    {
        var proto = hypothesis.ToProto(personas);
        return new V1.HypothesisNode
        {
            Hypothesis = proto.Name, Statement = proto.Statement, Status = proto.Status, Experiment = proto.Experiment, Result = proto.Result,
        };
    }
}
