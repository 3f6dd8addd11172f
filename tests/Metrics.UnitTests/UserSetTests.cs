using Lodestar.Metrics.Domain.Activity;

namespace Metrics.UnitTests;

public sealed class UserSetTests
{
    [Fact]
    public void Bits_are_in_redis_order_most_significant_bit_first()
    {
        var set = UserSet.Of([0, 9]);

        Assert.Equal(0x80, set.Bitmap[0]);
        Assert.Equal(0x40, set.Bitmap[1]);
        Assert.Equal(2, set.Count);
        Assert.Equal([0, 9], set.Members());
        Assert.True(UserSet.FromBitmap(set.Bitmap).Contains(9));
        Assert.False(set.Contains(1));
    }

    [Fact]
    public void Unions_and_intersections_of_sets_of_different_lengths_count_exactly()
    {
        var a = UserSet.Of([1, 2, 3, 1000]);
        var b = UserSet.Of([3, 4]);

        Assert.Equal(5, UserSet.CountUnion(a, b));
        Assert.Equal(5, UserSet.CountUnion(b, a));
        Assert.Equal(1, UserSet.CountIntersection(a, b));
        Assert.Equal(1, UserSet.CountIntersection(b, a));
        b.UnionWith(a);
        Assert.Equal([1, 2, 3, 4, 1000], b.Members());
    }

    [Fact]
    public void Sliding_unions_equal_the_naive_unions_of_every_window()
    {
        var random = new Random(7);
        var sets = Enumerable.Range(0, 95).Select(_ => UserSet.Of(Enumerable.Range(0, 40).Select(_ => random.Next(2000)))).ToList();

        foreach (var window in new[] { 1, 7, 30, 100 })
        {
            var counts = SlidingUnion.Counts(sets, window);
            for (var i = 0; i < sets.Count; i++)
                Assert.Equal(UserSet.Union(sets.Skip(Math.Max(0, i - window + 1)).Take(Math.Min(window, i + 1))).Count, counts[i]);
        }
    }
}
