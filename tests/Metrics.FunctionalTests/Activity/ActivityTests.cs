using Lodestar.Metrics.V1;
using Lodestar.Persistence;
using Metrics.FunctionalTests.Infrastructure;

namespace Metrics.FunctionalTests.Activity;

/// <summary>Active users, retention and churn on the known dataset, against hand-computed values.</summary>
public sealed class ActivityTests(MetricsHosts hosts) : IClassFixture<MetricsHosts>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(MetricsHosts.Providers), MemberType = typeof(MetricsHosts))]
    public async Task Active_users_and_stickiness_match_the_hand_computed_series(DatabaseProvider provider)
    {
        var (product, activity) = await KnownProductAsync(provider);

        var report = await activity.GetActivityAsync(new GetActivityRequest { Product = product, StartDate = Usage.Date(0), EndDate = Usage.Date(9) }, cancellationToken: Cancel);

        Assert.False(report.Estimated);
        Assert.Equal([2L, 2, 1, 0, 0, 0, 0, 2, 1, 0], report.Days.Select(d => d.DailyActiveUsers));
        // WAU: day 6 covers days 0–6 (u1, u2, a3); day 7 covers 1–7 (u1, a3, u2, u4); day 9 covers 3–9 (u1, u4, a3).
        Assert.Equal([2L, 3, 3, 3, 3, 3, 3, 4, 4, 3], report.Days.Select(d => d.WeeklyActiveUsers));
        Assert.Equal([2L, 3, 3, 3, 3, 3, 3, 4, 4, 4], report.Days.Select(d => d.MonthlyActiveUsers));
        Assert.Equal(0.5, report.Days[7].Stickiness);
        Assert.Equal(0, report.Days[3].Stickiness);
        Assert.Equal(Usage.Date(0), report.Days[0].Date);

        var exports = await activity.GetActivityAsync(new GetActivityRequest { Product = product, StartDate = Usage.Date(0), EndDate = Usage.Date(1), EventName = "export" }, cancellationToken: Cancel);
        Assert.True(exports.Estimated);
        Assert.Equal([2L, 1], exports.Days.Select(d => d.DailyActiveUsers));
        Assert.Equal([2L, 2], exports.Days.Select(d => d.WeeklyActiveUsers));
    }

    [Theory, MemberData(nameof(MetricsHosts.Providers), MemberType = typeof(MetricsHosts))]
    public async Task Daily_retention_counts_each_cohort_on_and_on_or_after_day_n(DatabaseProvider provider)
    {
        var (product, activity) = await KnownProductAsync(provider);

        var report = await activity.GetRetentionAsync(new GetRetentionRequest { Product = product, StartDate = Usage.Date(0), EndDate = Usage.Date(7), Periods = 8 }, cancellationToken: Cancel);

        Assert.Equal(Period.Day, report.Period);
        Assert.Equal([2L, 1, 0, 0, 0, 0, 0, 1], report.Cohorts.Select(c => c.Users));
        var day0 = report.Cohorts[0]; // u1 and u2
        Assert.Equal([2L, 1, 1, 0, 0, 0, 0, 1, 0], day0.Points.Select(p => p.UsersOn));
        Assert.Equal([2L, 2, 2, 1, 1, 1, 1, 1, 0], day0.Points.Select(p => p.UsersOnOrAfter));
        Assert.Equal(0.5, day0.Points[1].RateOn);
        Assert.True(day0.Points.All(p => p.Complete));
        var day1 = report.Cohorts[1]; // a3: back on day 8 = day 1 + 7
        Assert.Equal([1L, 0, 0, 0, 0, 0, 0, 1, 0], day1.Points.Select(p => p.UsersOn));
        Assert.Equal(1, day1.Points[6].UsersOnOrAfter);
        Assert.Equal(0, report.Cohorts[7].Points[1].UsersOn); // u4 never came back
    }

    [Theory, MemberData(nameof(MetricsHosts.Providers), MemberType = typeof(MetricsHosts))]
    public async Task Weekly_retention_and_churn_group_days_into_iso_weeks(DatabaseProvider provider)
    {
        var (product, activity) = await KnownProductAsync(provider);

        var retention = await activity.GetRetentionAsync(new GetRetentionRequest
        {
            Product = product, StartDate = Usage.Date(3), EndDate = Usage.Date(9), Period = Period.Week, Periods = 2,
        }, cancellationToken: Cancel);
        Assert.Equal([Usage.Date(0), Usage.Date(7)], retention.Cohorts.Select(c => c.StartDate));
        Assert.Equal([3L, 1], retention.Cohorts.Select(c => c.Users));
        Assert.Equal([3L, 2, 0], retention.Cohorts[0].Points.Select(p => p.UsersOn)); // u1 and a3 in week 1
        Assert.Equal(2.0 / 3, retention.Cohorts[0].Points[1].RateOn, 10);

        var weekly = await activity.GetChurnAsync(new GetChurnRequest { Product = product, StartDate = Usage.Date(7), EndDate = Usage.Date(14), Period = Period.Week }, cancellationToken: Cancel);
        Assert.Equal([(3L, 2L, 1L, 3L), (3L, 0L, 3L, 0L)], weekly.Periods.Select(p => (p.PreviousActiveUsers, p.RetainedUsers, p.ChurnedUsers, p.ActiveUsers)));
        Assert.Equal(1.0 / 3, weekly.Periods[0].ChurnRate, 10);
        Assert.Equal((Usage.Date(7), Usage.Date(13)), (weekly.Periods[0].StartDate, weekly.Periods[0].EndDate));

        var daily = await activity.GetChurnAsync(new GetChurnRequest { Product = product, StartDate = Usage.Date(1), EndDate = Usage.Date(3) }, cancellationToken: Cancel);
        Assert.Equal([0.5, 1.0, 1.0], daily.Periods.Select(p => p.ChurnRate));
        var monthly = await activity.GetChurnAsync(new GetChurnRequest { Product = product, StartDate = Usage.Date(0), EndDate = Usage.Date(0), Period = Period.Month }, cancellationToken: Cancel);
        Assert.Single(monthly.Periods);
        Assert.Equal(1, monthly.Periods[0].StartDate.Day);
    }

    [Theory, MemberData(nameof(MetricsHosts.Providers), MemberType = typeof(MetricsHosts))]
    public async Task A_late_earlier_event_moves_the_user_to_the_earlier_cohort(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var (product, activity) = await KnownProductAsync(provider, workspace);

        await hosts.Events(provider, workspace).TrackEventAsync(new TrackEventRequest { Parent = product, Event = Usage.Event("u4", 3) }, cancellationToken: Cancel);

        var report = await activity.GetRetentionAsync(new GetRetentionRequest { Product = product, StartDate = Usage.Date(0), EndDate = Usage.Date(7), Periods = 4 }, cancellationToken: Cancel);
        Assert.Equal([2L, 1, 0, 1, 0, 0, 0, 0], report.Cohorts.Select(c => c.Users));
        Assert.Equal([1L, 0, 0, 0, 1], report.Cohorts[3].Points.Select(p => p.UsersOn)); // u4: day 3, back on day 7
    }

    [Theory, MemberData(nameof(MetricsHosts.Providers), MemberType = typeof(MetricsHosts))]
    public async Task Bad_ranges_and_periods_are_refused(DatabaseProvider provider)
    {
        var (product, activity) = await KnownProductAsync(provider);

        await Rpc.InvalidAsync(activity.GetActivityAsync(new GetActivityRequest { Product = product, StartDate = Usage.Date(5), EndDate = Usage.Date(1), EventName = "9bad" }, cancellationToken: Cancel),
            "end_date", "event_name");
        await Rpc.InvalidAsync(activity.GetActivityAsync(new GetActivityRequest { Product = product, EndDate = Usage.Date(1) }, cancellationToken: Cancel), "start_date");
        await Rpc.InvalidAsync(activity.GetRetentionAsync(new GetRetentionRequest
        {
            Product = product, StartDate = Usage.Date(0), EndDate = Usage.Date(0), Period = Period.Month, Periods = 91,
        }, cancellationToken: Cancel), "period", "periods");
        await Rpc.InvalidAsync(activity.GetChurnAsync(new GetChurnRequest
        {
            Product = product, StartDate = Usage.Date(0), EndDate = Usage.Date(0), Period = (Period)9,
        }, cancellationToken: Cancel), "period");
        await Rpc.FailsAsync(Grpc.Core.StatusCode.NotFound, hosts.Activity(provider, Guid.NewGuid()).GetActivityAsync(
            new GetActivityRequest { Product = product, StartDate = Usage.Date(0), EndDate = Usage.Date(0) }, cancellationToken: Cancel));
    }

    private async Task<(string Product, ActivityService.ActivityServiceClient Activity)> KnownProductAsync(DatabaseProvider provider, Guid? workspaceId = null)
    {
        var workspace = workspaceId ?? Guid.NewGuid();
        var product = await hosts.NewProductAsync(provider, workspace);
        var result = await hosts.Events(provider, workspace).BatchTrackEventsAsync(new BatchTrackEventsRequest { Parent = product, Events = { Usage.Known() } }, cancellationToken: Cancel);
        Assert.Equal(Usage.Known().Count, result.AcceptedCount);
        return (product, hosts.Activity(provider, workspace, Lodestar.Security.WorkspaceRole.Viewer));
    }
}
