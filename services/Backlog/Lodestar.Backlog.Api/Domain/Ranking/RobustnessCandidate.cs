using Lodestar.Backlog.Domain.Scoring;

namespace Lodestar.Backlog.Domain.Ranking;

/// <summary>A scored item for rank robustness: its score with typed values, and how to score it with sampled ones.</summary>
public sealed record RobustnessCandidate(Guid Id, string Title, double Score, Func<InputReader, double?> Rescore, IReadOnlyList<InputRange> Ranges)
{
    /// <summary>The items <paramref name="framework"/> can score with their typed inputs; the others have no rank to test.</summary>
    public static List<RobustnessCandidate> Of(Framework framework, ScoringContext scoring, IEnumerable<(Items.BacklogItem Item, EvidenceBasis Evidence)> items)
    {
        var candidates = new List<RobustnessCandidate>();
        foreach (var (item, evidence) in items)
        {
            if (ItemScorer.RankingKey(framework, item.Inputs, scoring, evidence, ItemScorer.Typed) is not { } score) continue;
            var inputs = item.Inputs;
            candidates.Add(new RobustnessCandidate(item.Id, item.Title, score, read => ItemScorer.RankingKey(framework, inputs, scoring, evidence, read), inputs.Ranges));
        }
        return candidates;
    }
}
