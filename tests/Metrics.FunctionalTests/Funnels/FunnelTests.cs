using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Lodestar.Metrics.V1;
using Lodestar.Persistence;
using Metrics.FunctionalTests.Infrastructure;

namespace Metrics.FunctionalTests.Funnels;

/// <summary>Funnels, click-through and engagement against hand-counted values.</summary>
public sealed class FunnelTests(MetricsHosts hosts) : IClassFixture<MetricsHosts>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(MetricsHosts.Providers), MemberType = typeof(MetricsHosts))]
    public async Task A_funnel_counts_users_through_ordered_steps_within_the_window(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var product = await hosts.NewProductAsync(provider, workspace);
        var funnels = hosts.Funnels(provider, workspace);
        await hosts.Events(provider, workspace).BatchTrackEventsAsync(new BatchTrackEventsRequest
        {
            Parent = product,
            Events =
            {
                Usage.Event("f1", 0, "signup", hour: 10), Usage.Event("f1", 0, "activate", hour: 11), Usage.Event("f1", 0, "purchase", hour: 12),
                Usage.Event("f2", 0, "signup", hour: 10), Usage.Event("f2", 1, "activate", hour: 9), Usage.Event("f2", 2, "purchase", hour: 9),
                Usage.Event("f3", 1, "signup", hour: 8), Usage.Event("f3", 1, "purchase", hour: 9),
                Usage.Event("f4", 0, "activate", hour: 8),
            },
        }, cancellationToken: Cancel);
        var funnel = await funnels.CreateFunnelAsync(new CreateFunnelRequest
        {
            Parent = product,
            Funnel = new Funnel { DisplayName = "Activation", Steps = { "signup", "activate", "purchase" }, ConversionWindow = Duration.FromTimeSpan(TimeSpan.FromDays(1)) },
        }, cancellationToken: Cancel);

        var report = await funnels.GetFunnelReportAsync(new GetFunnelReportRequest { Name = funnel.Name, StartDate = Usage.Date(0), EndDate = Usage.Date(1) }, cancellationToken: Cancel);

        Assert.Equal($"conversion:{funnel.Name[^36..]}", funnel.MetricKey);
        Assert.Equal([3L, 2, 1], report.Steps.Select(s => s.Users));
        Assert.Equal([1, 2.0 / 3, 0.5], report.Steps.Select(s => s.ConversionFromPrevious));
        Assert.Equal(1.0 / 3, report.OverallConversion, 10);
        var dayOne = await funnels.GetFunnelReportAsync(new GetFunnelReportRequest { Name = funnel.Name, StartDate = Usage.Date(1), EndDate = Usage.Date(1) }, cancellationToken: Cancel);
        Assert.Equal([1L, 0, 0], dayOne.Steps.Select(s => s.Users));

        var wider = await funnels.UpdateFunnelAsync(new UpdateFunnelRequest
        {
            Funnel = new Funnel { Name = funnel.Name, ConversionWindow = Duration.FromTimeSpan(TimeSpan.FromDays(3)), Metadata = funnel.Metadata },
            UpdateMask = new FieldMask { Paths = { "conversion_window" } },
        }, cancellationToken: Cancel);
        var widened = await funnels.GetFunnelReportAsync(new GetFunnelReportRequest { Name = wider.Name, StartDate = Usage.Date(0), EndDate = Usage.Date(1) }, cancellationToken: Cancel);
        Assert.Equal([3L, 2, 2], widened.Steps.Select(s => s.Users));
        Assert.Single((await funnels.ListFunnelsAsync(new ListFunnelsRequest { Parent = product }, cancellationToken: Cancel)).Funnels);
        await funnels.DeleteFunnelAsync(new DeleteFunnelRequest { Name = funnel.Name }, cancellationToken: Cancel);
        await Rpc.FailsAsync(StatusCode.NotFound, funnels.GetFunnelAsync(new GetFunnelRequest { Name = funnel.Name }, cancellationToken: Cancel));
    }

    [Theory, MemberData(nameof(MetricsHosts.Providers), MemberType = typeof(MetricsHosts))]
    public async Task Click_through_and_engagement_divide_event_counts(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var product = await hosts.NewProductAsync(provider, workspace);
        await hosts.Events(provider, workspace).BatchTrackEventsAsync(new BatchTrackEventsRequest
        {
            Parent = product,
            Events =
            {
                Usage.Event("a", 0, "banner.shown"), Usage.Event("a", 0, "banner.shown"), Usage.Event("b", 0, "banner.shown"), Usage.Event("b", 0, "banner.shown"),
                Usage.Event("a", 0, "banner.clicked"),
                Usage.Event("c", 1, "banner.shown"), Usage.Event("c", 1, "banner.shown"), Usage.Event("c", 1, "banner.clicked"),
            },
        }, cancellationToken: Cancel);
        var funnels = hosts.Funnels(provider, workspace, Lodestar.Security.WorkspaceRole.Viewer);

        var ctr = await funnels.GetClickThroughRateAsync(new GetClickThroughRateRequest
        {
            Product = product, ImpressionEvent = "banner.shown", ClickEvent = "banner.clicked", StartDate = Usage.Date(0), EndDate = Usage.Date(2),
        }, cancellationToken: Cancel);
        var engagement = await funnels.GetEngagementAsync(new GetEngagementRequest { Product = product, StartDate = Usage.Date(0), EndDate = Usage.Date(1) }, cancellationToken: Cancel);
        var clicks = await funnels.GetEngagementAsync(new GetEngagementRequest { Product = product, EventName = "banner.clicked", StartDate = Usage.Date(0), EndDate = Usage.Date(1) }, cancellationToken: Cancel);

        Assert.Equal((6L, 2L, 1.0 / 3), (ctr.Impressions, ctr.Clicks, ctr.Rate));
        Assert.Equal([0.25, 0.5, 0], ctr.Days.Select(d => d.Rate));
        Assert.Equal((8L, 3L), (engagement.Events, engagement.ActiveUsers));
        Assert.Equal([2.5, 3.0], engagement.Days.Select(d => d.EventsPerActiveUser));
        Assert.Equal(2.0 / 3, clicks.EventsPerActiveUser, 10);
    }

    [Theory, MemberData(nameof(MetricsHosts.Providers), MemberType = typeof(MetricsHosts))]
    public async Task Bad_funnels_and_queries_are_refused(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var product = await hosts.NewProductAsync(provider, workspace);
        var funnels = hosts.Funnels(provider, workspace);

        await Rpc.InvalidAsync(funnels.CreateFunnelAsync(new CreateFunnelRequest
        {
            Parent = product, Funnel = new Funnel { DisplayName = "", Steps = { "only one" }, ConversionWindow = Duration.FromTimeSpan(TimeSpan.FromSeconds(5)) },
        }, cancellationToken: Cancel), "funnel.display_name", "funnel.steps", "funnel.steps[0]", "funnel.conversion_window");
        await Rpc.InvalidAsync(funnels.GetClickThroughRateAsync(new GetClickThroughRateRequest { Product = product, StartDate = Usage.Date(0), EndDate = Usage.Date(0) }, cancellationToken: Cancel),
            "impression_event", "click_event");
        await Rpc.FailsAsync(StatusCode.NotFound, hosts.Funnels(provider, Guid.NewGuid()).GetEngagementAsync(
            new GetEngagementRequest { Product = product, StartDate = Usage.Date(0), EndDate = Usage.Date(0) }, cancellationToken: Cancel));
        Assert.Empty((await funnels.ListFunnelsAsync(new ListFunnelsRequest { Parent = product }, cancellationToken: Cancel)).Funnels);
    }
}
