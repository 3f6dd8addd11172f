using Lodestar.Backlog.Domain.Ranking;

namespace Backlog.UnitTests;

public sealed class FractionalRankTests
{
    [Fact]
    public void Keys_between_any_two_keys_keep_order_under_random_inserts()
    {
        var random = new Random(7);
        var keys = new List<string> { FractionalRank.Between(null, null) };
        for (var i = 0; i < 2_000; i++)
        {
            var at = random.Next(keys.Count + 1);
            var key = FractionalRank.Between(at == 0 ? null : keys[at - 1], at == keys.Count ? null : keys[at]);
            keys.Insert(at, key);
        }
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.DoesNotContain(keys, k => k.EndsWith('0'));
    }

    [Fact]
    public void Repeated_inserts_at_the_top_grow_slowly()
    {
        string? top = null;
        for (var i = 0; i < 200; i++) top = FractionalRank.Between(null, top);
        Assert.True(top!.Length <= 40, top);
    }

    [Fact]
    public void Spread_keys_are_ordered_distinct_and_short()
    {
        var keys = FractionalRank.Spread(100_000);
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
        Assert.Equal(100_000, keys.Distinct().Count());
        Assert.All(keys, k => Assert.InRange(k.Length, 1, 4));
        Assert.NotNull(FractionalRank.Between(keys[41], keys[42]));
    }

    [Theory]
    [InlineData(null, null, 10)]
    [InlineData("V", "k", 500)]
    [InlineData("jzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzV", "r", 33)]
    [InlineData("jzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzV", null, 33)]
    [InlineData(null, "0001", 3)]
    [InlineData("A1", "A1000001", 2)]
    public void Spread_between_bounds_keeps_keys_strictly_inside_in_order_and_short(string? lower, string? upper, int count)
    {
        var keys = FractionalRank.Spread(count, lower, upper, 20);

        Assert.NotNull(keys);
        Assert.Equal(count, keys.Count);
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
        Assert.Equal(count, keys.Distinct().Count());
        Assert.All(keys, k => Assert.True(string.CompareOrdinal(k, lower ?? "") > 0 && (upper is null || string.CompareOrdinal(k, upper) < 0), $"{lower} < {k} < {upper}"));
        Assert.DoesNotContain(keys, k => k.EndsWith('0'));
        Assert.NotNull(FractionalRank.Between(keys[0], keys[1]));
    }

    [Fact]
    public void Spread_between_bounds_too_close_or_out_of_order_gives_nothing()
    {
        Assert.Null(FractionalRank.Spread(10, "jzzzzzzzzzzzzzzzzzzzzzzzzzV", "k", 20));
        Assert.NotNull(FractionalRank.Spread(10, "jzzzzzzzzzzzzzzzzzzzzzzzzzV", "k", 40));
        Assert.Null(FractionalRank.Spread(1, "k", "V", 20));
        Assert.Null(FractionalRank.Spread(1, "k", "k", 20));
    }

    [Fact]
    public void Keys_out_of_order_are_refused() => Assert.Throws<ArgumentException>(() => FractionalRank.Between("b", "a"));
}
