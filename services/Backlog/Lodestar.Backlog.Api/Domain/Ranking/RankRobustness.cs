using Lodestar.Backlog.Domain.Scoring;

namespace Lodestar.Backlog.Domain.Ranking;

/// <summary>
/// Seeded Monte Carlo over uncertain inputs: each sample draws every ranged input from a triangular distribution
/// (low, typed value, high), re-scores the uncertain items, and ranks the top items among all. Items without ranges
/// keep their score, so a sample costs O(R log R + N log M) for R uncertain items, N reported and M certain ones.
/// </summary>
public static class RankRobustness
{
    public static IReadOnlyList<RobustnessResult> Analyze(IReadOnlyList<RobustnessCandidate> candidates, int topN, int bandWidth, int samples, int seed)
    {
        var ordered = candidates.OrderByDescending(c => c.Score).ThenBy(c => c.Id).ToList();
        var certain = ordered.Where(c => c.Ranges.Count == 0).Select(c => c.Score).ToArray(); // descending
        var uncertain = ordered.Where(c => c.Ranges.Count > 0).ToList();
        var top = ordered.Take(topN).ToList();
        var uncertainIndex = top.Select(c => uncertain.FindIndex(u => u.Id == c.Id)).ToArray();
        var ranks = top.Select(_ => new int[samples]).ToArray();
        var random = new Random(seed);
        var sampled = new double[uncertain.Count];
        var sortedSampled = new double[uncertain.Count];

        for (var s = 0; s < samples; s++)
        {
            for (var u = 0; u < uncertain.Count; u++)
            {
                var ranges = uncertain[u].Ranges;
                sampled[u] = uncertain[u].Rescore((input, typed) => ranges.FirstOrDefault(r => r.Input == input) is { } range
                    ? Triangular(random, range.Low, typed, range.High)
                    : typed) ?? double.NegativeInfinity;
            }
            sampled.CopyTo(sortedSampled, 0);
            Array.Sort(sortedSampled);
            for (var t = 0; t < top.Count; t++)
            {
                var u = uncertainIndex[t];
                var score = u >= 0 ? sampled[u] : top[t].Score;
                // Others strictly above; an item is never strictly above itself.
                ranks[t][s] = 1 + CountAboveDescending(certain, score) + CountAboveAscending(sortedSampled, score) + (u >= 0 ? 0 : CertainTiesAhead(top, t));
            }
        }

        return top.Select((c, t) =>
        {
            var rank = t + 1;
            var bandStart = ((rank - 1) / bandWidth * bandWidth) + 1;
            var bandEnd = bandStart + bandWidth - 1;
            var sorted = ranks[t].Order().ToArray();
            var inBand = ranks[t].Count(r => r >= bandStart && r <= bandEnd);
            return new RobustnessResult(c.Id, c.Title, rank, bandStart, bandEnd, (double)inBand / samples,
                Percentile(sorted, 0.05), Percentile(sorted, 0.5), Percentile(sorted, 0.95));
        }).ToList();
    }

    /// <summary>Certain items with the same score keep their typed order (by id), as the ranking does; they all precede t.</summary>
    private static int CertainTiesAhead(List<RobustnessCandidate> top, int t)
    {
        var ahead = 0;
        for (var i = 0; i < t; i++)
            if (top[i].Ranges.Count == 0 && top[i].Score == top[t].Score) ahead++;
        return ahead;
    }

    public static double Triangular(Random random, double low, double mode, double high)
    {
        if (high <= low) return low;
        mode = Math.Clamp(mode, low, high);
        var u = random.NextDouble();
        var split = (mode - low) / (high - low);
        return u < split
            ? low + Math.Sqrt(u * (high - low) * (mode - low))
            : high - Math.Sqrt((1 - u) * (high - low) * (high - mode));
    }

    private static int CountAboveDescending(double[] descending, double score)
    {
        int lo = 0, hi = descending.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (descending[mid] > score) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private static int CountAboveAscending(double[] ascending, double score)
    {
        int lo = 0, hi = ascending.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (ascending[mid] <= score) lo = mid + 1;
            else hi = mid;
        }
        return ascending.Length - lo;
    }

    private static int Percentile(int[] sorted, double quantile) => sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
}
