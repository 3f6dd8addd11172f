namespace Lodestar.Metrics.Domain.Activity;

/// <summary>
/// Sizes of the unions of every run of <c>window</c> consecutive sets (WAU and MAU from daily sets) in about three
/// unions per set instead of <c>window</c>: each run is the suffix of one block of <c>window</c> sets joined with the
/// prefix of the next.
/// </summary>
public static class SlidingUnion
{
    /// <summary>result[i] = |sets[max(0, i − window + 1)] ∪ … ∪ sets[i]|.</summary>
    public static long[] Counts(IReadOnlyList<UserSet> sets, int window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        var counts = new long[sets.Count];
        UserSet[] previousSuffixes = [];
        for (var start = 0; start < sets.Count; start += window)
        {
            var end = Math.Min(sets.Count, start + window);
            var prefix = UserSet.Empty();
            for (var i = start; i < end; i++)
            {
                prefix.UnionWith(sets[i]);
                var first = i - window + 1;
                counts[i] = start == 0 || first == start
                    ? prefix.Count
                    : UserSet.CountUnion(previousSuffixes[first - (start - window)], prefix);
            }
            previousSuffixes = Suffixes(sets, start, end);
        }
        return counts;
    }

    private static UserSet[] Suffixes(IReadOnlyList<UserSet> sets, int start, int end)
    {
        var suffixes = new UserSet[end - start];
        var running = UserSet.Empty();
        for (var i = end - 1; i >= start; i--)
        {
            running.UnionWith(sets[i]);
            suffixes[i - start] = running.Copy();
        }
        return suffixes;
    }
}
