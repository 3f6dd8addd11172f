using Lodestar.Metrics.V1;
using Lodestar.Persistence;
using Metrics.FunctionalTests.Infrastructure;

namespace Metrics.FunctionalTests.Activity;

/// <summary>The Redis aggregates are a cache of the stored events: lost, they come back exactly.</summary>
public sealed class RebuildTests(MetricsHosts hosts) : IClassFixture<MetricsHosts>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(MetricsHosts.Providers), MemberType = typeof(MetricsHosts))]
    public async Task Aggregates_lost_from_redis_are_rebuilt_to_the_same_values_on_the_next_query(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var product = await hosts.NewProductAsync(provider, workspace);
        var events = hosts.Events(provider, workspace);
        await events.BatchTrackEventsAsync(new BatchTrackEventsRequest { Parent = product, Events = { Usage.Known() } }, cancellationToken: Cancel);
        var before = await SnapshotAsync(provider, workspace, product);

        Assert.True(await hosts.ForgetAggregatesAsync(provider, product) > 5);
        // Events that arrive while the aggregates are gone land on top of the partial state and must not be counted twice.
        await events.TrackEventAsync(new TrackEventRequest { Parent = product, Event = Usage.Event("u5", 8) }, cancellationToken: Cancel);
        await events.TrackEventAsync(new TrackEventRequest { Parent = product, Event = Usage.Event("u1", 8) }, cancellationToken: Cancel);
        var after = await SnapshotAsync(provider, workspace, product);

        Assert.Equal(before.Activity.Take(8), after.Activity.Take(8));
        Assert.Equal(before.Activity[8] with { Daily = 3, Weekly = 5, Monthly = 5 }, after.Activity[8]);
        Assert.Equal(before.Cohorts[..8], after.Cohorts[..8]);
        Assert.Equal(1, after.Cohorts[8]); // u5, first seen on day 8
    }

    [Theory, MemberData(nameof(MetricsHosts.Providers), MemberType = typeof(MetricsHosts))]
    public async Task An_explicit_rebuild_reports_what_it_read_and_changes_no_figure(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var product = await hosts.NewProductAsync(provider, workspace);
        var events = hosts.Events(provider, workspace);
        await events.BatchTrackEventsAsync(new BatchTrackEventsRequest { Parent = product, Events = { Usage.Known() } }, cancellationToken: Cancel);
        var before = await SnapshotAsync(provider, workspace, product);

        var summary = await events.RebuildAggregatesAsync(new RebuildAggregatesRequest { Product = product }, cancellationToken: Cancel);

        Assert.Equal((11L, 4L, 5), (summary.EventCount, summary.UserCount, summary.DayCount));
        var after = await SnapshotAsync(provider, workspace, product);
        Assert.Equal(before.Activity, after.Activity);
        Assert.Equal(before.Cohorts, after.Cohorts);
    }

    private async Task<(List<(long Daily, long Weekly, long Monthly)> Activity, long[] Cohorts)> SnapshotAsync(DatabaseProvider provider, Guid workspace, string product)
    {
        var activity = hosts.Activity(provider, workspace);
        var days = await activity.GetActivityAsync(new GetActivityRequest { Product = product, StartDate = Usage.Date(0), EndDate = Usage.Date(9) }, cancellationToken: Cancel);
        var retention = await activity.GetRetentionAsync(new GetRetentionRequest { Product = product, StartDate = Usage.Date(0), EndDate = Usage.Date(9), Periods = 3 }, cancellationToken: Cancel);
        return ([.. days.Days.Select(d => (d.DailyActiveUsers, d.WeeklyActiveUsers, d.MonthlyActiveUsers))], [.. retention.Cohorts.Select(c => c.Users)]);
    }
}
