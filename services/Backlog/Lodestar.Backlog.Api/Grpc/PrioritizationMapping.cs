using Lodestar.Api;
using Lodestar.Backlog.Domain.Context;
using Lodestar.Backlog.Domain.Items;
using Lodestar.Backlog.Domain.Ranking;
using Lodestar.Backlog.Domain.Scoring;
using Lodestar.Backlog.Infrastructure;
using Lodestar.Persistence;
using V1 = Lodestar.Backlog.V1;

namespace Lodestar.Backlog.Grpc;

/// <summary>Score explanations and rank robustness as messages.</summary>
public static class PrioritizationMapping
{
    /// <summary>The explanation of <paramref name="item"/>'s score; RICE shows the evidence behind its reach and the last rescore it caused.</summary>
    public static V1.ScoreExplanation ToProto(this Explanation explanation, string item, Framework framework, IEnumerable<ProblemEvidence> evidence, EvidenceRescore? lastRescore)
    {
        var proto = new V1.ScoreExplanation
        {
            BacklogItem = item,
            Framework = (V1.Framework)framework,
            Formula = explanation.Formula,
            Inputs = { explanation.Inputs.Select(i => new V1.ScoreInput { Name = i.Name, Value = i.Value, Source = i.Source, Detail = i.Detail }) },
            Calculation = explanation.Calculation,
            Category = explanation.Category,
            Missing = explanation.Missing,
        };
        if (explanation.Result is { } result) proto.Result = result;
        if (framework == Framework.Rice)
        {
            proto.Evidence.Add(evidence.Select(e => new V1.EvidenceContribution
            {
                Problem = ResourceNames.Format(BacklogNames.Problems, e.Id),
                InsightCount = e.InsightCount,
                DistinctCustomers = e.DistinctCustomers,
                DistinctPersonas = e.DistinctPersonas,
                WeightedScore = e.WeightedScore,
                AverageImportance = e.AverageImportance,
                LatestInsightTime = e.LatestInsightAt?.ToUtcTimestamp(),
                UpdateTime = e.ReportedAt.ToUtcTimestamp(),
            }));
            if (lastRescore is { } rescore)
            {
                proto.LastRescore = new V1.EvidenceRescore { Problem = ResourceNames.Format(BacklogNames.Problems, rescore.ProblemId), Time = rescore.At.ToUtcTimestamp() };
                if (rescore.PreviousScore is { } previous) proto.LastRescore.PreviousScore = previous;
                if (rescore.Score is { } score) proto.LastRescore.Score = score;
            }
        }
        return proto;
    }

    public static V1.RankRobustness ToProto(this IReadOnlyList<RobustnessResult> results, Framework framework, int samples, int seed, IReadOnlyList<RobustnessCandidate> candidates) =>
        new()
        {
            Framework = (V1.Framework)framework,
            Samples = samples,
            Seed = seed,
            ItemCount = candidates.Count,
            UncertainItemCount = candidates.Count(c => c.Ranges.Count > 0),
            Items =
            {
                results.Select(r => new V1.RobustItem
                {
                    BacklogItem = ResourceNames.Format(BacklogNames.Items, r.Id), Title = r.Title, Rank = r.Rank, BandStart = r.BandStart, BandEnd = r.BandEnd,
                    Probability = r.Probability, RankP5 = r.RankP5, RankMedian = r.RankMedian, RankP95 = r.RankP95,
                }),
            },
        };
}
