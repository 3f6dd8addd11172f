using Lodestar.Gateway.RateLimiting;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.FunctionalTests.Units;

/// <summary>The in-memory buckets used while Redis is away follow the same token-bucket arithmetic as the script.</summary>
public sealed class LocalTokenBucketsTests
{
    private static readonly BucketLimit Limit = new() { PermitsPerSecond = 2, Burst = 3 };

    [Fact]
    public void A_burst_is_spent_then_tokens_come_back_at_the_rate()
    {
        var time = new FakeTimeProvider();
        var buckets = new LocalTokenBuckets(time);
        var workspace = Guid.NewGuid();

        Assert.All(Enumerable.Range(0, 3), _ => Assert.True(buckets.Take(workspace, Limit).Allowed));
        var refused = buckets.Take(workspace, Limit);
        time.Advance(TimeSpan.FromMilliseconds(250));
        var stillRefused = buckets.Take(workspace, Limit);
        time.Advance(TimeSpan.FromMilliseconds(250));
        var allowed = buckets.Take(workspace, Limit);

        Assert.False(refused.Allowed);
        Assert.Equal(TimeSpan.FromMilliseconds(500), refused.RetryAfter);
        Assert.False(stillRefused.Allowed);
        Assert.Equal(TimeSpan.FromMilliseconds(250), stillRefused.RetryAfter);
        Assert.True(allowed.Allowed);
        Assert.True(buckets.Take(Guid.NewGuid(), Limit).Allowed);
    }

    [Fact]
    public void A_quiet_workspace_never_saves_more_than_its_burst()
    {
        var time = new FakeTimeProvider();
        var buckets = new LocalTokenBuckets(time);
        var workspace = Guid.NewGuid();
        buckets.Take(workspace, Limit);

        time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(3, Enumerable.Range(0, 5).Count(_ => buckets.Take(workspace, Limit).Allowed));
    }
}
