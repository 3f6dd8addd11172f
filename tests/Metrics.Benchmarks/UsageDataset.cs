using System.Numerics;
using Lodestar.Metrics.Domain.Activity;

namespace Lodestar.Metrics.Benchmarks;

/// <summary>
/// Synthetic usage: each user is first seen on a day of the range and comes back on each later day with a probability
/// that decays with time since first seen. Kept twice: as per-day bitmaps to load into Redis, and as one 32-bit mask per
/// user (bit d = active on day d), from which the reference figures are computed without any bitmap code.
/// </summary>
public sealed class UsageDataset
{
    private UsageDataset(uint[] masks, int days) => (Masks, Days) = (masks, days);

    public uint[] Masks { get; }

    public int Days { get; }

    public static UsageDataset Generate(int users, int days, int seed = 7)
    {
        if (days > 32) throw new ArgumentOutOfRangeException(nameof(days), "At most 32 days fit a mask.");
        var random = new Random(seed);
        var masks = new uint[users];
        for (var u = 0; u < users; u++)
        {
            var first = random.Next(days);
            var mask = 1u << first;
            for (var d = first + 1; d < days; d++)
                if (random.NextDouble() < 0.45 / Math.Sqrt(d - first)) mask |= 1u << d;
            masks[u] = mask;
        }
        return new UsageDataset(masks, days);
    }

    public (UserSet[] Active, UserSet[] Cohorts) Bitmaps()
    {
        var active = Enumerable.Range(0, Days).Select(_ => UserSet.Empty()).ToArray();
        var cohorts = Enumerable.Range(0, Days).Select(_ => UserSet.Empty()).ToArray();
        for (var u = Masks.Length - 1; u >= 0; u--) // highest index first: each bitmap is allocated once
        {
            var mask = Masks[u];
            cohorts[BitOperations.TrailingZeroCount(mask)].Add(u);
            for (var d = 0; d < Days; d++)
                if ((mask & (1u << d)) != 0) active[d].Add(u);
        }
        return (active, cohorts);
    }

    /// <summary>DAU, WAU and MAU of each day, counted user by user.</summary>
    public (long Daily, long Weekly, long Monthly)[] Activity()
    {
        var result = new (long, long, long)[Days];
        for (var d = 0; d < Days; d++)
        {
            var day = 1u << d;
            var week = Window(d, 7);
            var month = Window(d, 30);
            long daily = 0, weekly = 0, monthly = 0;
            foreach (var mask in Masks)
            {
                if ((mask & day) != 0) daily++;
                if ((mask & week) != 0) weekly++;
                if ((mask & month) != 0) monthly++;
            }
            result[d] = (daily, weekly, monthly);
        }
        return result;
    }

    /// <summary>For each cohort day and N: users of the cohort active on day cohort+N, and on it or later.</summary>
    public (long[,] On, long[,] OnOrAfter, long[] Sizes) Retention()
    {
        var on = new long[Days, Days];
        var onOrAfter = new long[Days, Days];
        var sizes = new long[Days];
        foreach (var mask in Masks)
        {
            var first = BitOperations.TrailingZeroCount(mask);
            sizes[first]++;
            for (var n = 0; first + n < Days; n++)
            {
                if ((mask & (1u << (first + n))) != 0) on[first, n]++;
                if (mask >> (first + n) != 0) onOrAfter[first, n]++;
            }
        }
        return (on, onOrAfter, sizes);
    }

    private static uint Window(int day, int length)
    {
        var from = Math.Max(0, day - length + 1);
        var bits = day - from + 1;
        return (bits >= 32 ? uint.MaxValue : (1u << bits) - 1) << from;
    }
}
