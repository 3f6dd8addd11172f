using Lodestar.Api;
using Lodestar.Backlog.Domain.Items;
using Lodestar.Backlog.Infrastructure;
using Lodestar.Persistence;
using V1 = Lodestar.Backlog.V1;

namespace Lodestar.Backlog.Grpc;

/// <summary>Backlog items to the API, with their scores, evidence and flags from the <see cref="ItemContext"/>.</summary>
public static class ItemMapping
{
    public static V1.BacklogItem ToProto(this BacklogItem item, ItemContext context)
    {
        var proto = new V1.BacklogItem
        {
            Name = ResourceNames.Format(BacklogNames.Items, item.Id),
            Product = ResourceNames.Format(BacklogNames.Products, item.ProductId),
            Type = (V1.ItemType)item.Type,
            Title = item.Title,
            Description = item.Description,
            Labels = { item.Labels },
            Status = (V1.ItemStatus)item.Status,
            Parent = item.ParentId is { } parent ? ResourceNames.Format(BacklogNames.Items, parent) : "",
            Problems = { item.ProblemIds.Select(id => ResourceNames.Format(BacklogNames.Problems, id)) },
            Hypotheses = { item.HypothesisIds.Select(id => ResourceNames.Format(BacklogNames.Hypotheses, id)) },
            Goals = { item.GoalIds.Select(id => ResourceNames.Format(BacklogNames.Goals, id)) },
            Initiatives = { item.InitiativeIds.Select(id => ResourceNames.Format(BacklogNames.Initiatives, id)) },
            BlockedBy = { item.BlockedBy.Select(id => ResourceNames.Format(BacklogNames.Items, id)) },
            Scores = ScoringMapping.ToProto(context.ScoreOf(item)),
            Evidence = ToProto(context.BasisOf(item)),
            HypothesisInvalidated = context.HypothesisInvalidated(item),
            OpenBlockers = { context.OpenBlockersOf(item).Select(id => ResourceNames.Format(BacklogNames.Items, id)) },
            Rank = item.Rank,
            ManuallyRanked = item.ManuallyRanked,
            ExternalKey = item.ExternalKey ?? "",
            Sprint = item.SprintId is { } sprint ? ResourceNames.Format(BacklogNames.Sprints, sprint) : "",
            DoneTime = item.DoneTime?.ToUtcTimestamp(),
            ShipTime = item.ShipTime?.ToUtcTimestamp(),
            Metadata = item.ToMetadata(),
            GoalContext =
            {
                item.GoalIds.Where(context.Goals.ContainsKey).Select(id => new V1.GoalContext
                {
                    Goal = ResourceNames.Format(BacklogNames.Goals, id), Title = context.Goals[id].Title, Status = context.Goals[id].Status,
                }),
            },
        };
        if (item.EstimatePoints is { } points) proto.EstimatePoints = points;
        ScoringMapping.Write(item.Inputs, proto);
        return proto;
    }

    private static V1.EvidenceSummary ToProto(Domain.Scoring.EvidenceBasis basis) => new()
    {
        ProblemCount = basis.Problems,
        InsightCount = basis.Insights,
        DistinctCustomers = basis.Customers,
        WeightedScore = basis.WeightedScore,
        LatestInsightTime = basis.LatestInsightAt?.ToUtcTimestamp(),
    };
}
