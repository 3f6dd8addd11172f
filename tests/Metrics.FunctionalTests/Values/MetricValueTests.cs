using Lodestar.Api;
using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Metrics.V1;
using Lodestar.Persistence;
using Metrics.FunctionalTests.Infrastructure;

namespace Metrics.FunctionalTests.Values;

/// <summary>Metric values follow the data and are published; releases become markers with a measurable impact.</summary>
public sealed class MetricValueTests(MetricsHosts hosts) : IClassFixture<MetricsHosts>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(MetricsHosts.Providers), MemberType = typeof(MetricsHosts))]
    public async Task Values_are_those_of_complete_days_each_published_with_its_day_and_the_running_day_moves_none(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var product = await hosts.NewProductAsync(provider, workspace);
        var productId = Guid.Parse(product[^36..]);
        await using var probe = await BrokerProbe.StartAsync(hosts.EventBus(provider), typeof(MetricValueChanged));
        var events = hosts.Events(provider, workspace);
        // r1 and r2 first seen three days ago, r1 back two days ago; t1 and t2 yesterday; five users so far today.
        await events.BatchTrackEventsAsync(new BatchTrackEventsRequest
        {
            Parent = product,
            Events =
            {
                Usage.Recent("r1", 3), Usage.Recent("r2", 3), Usage.Recent("r1", 2), Usage.Recent("t1", 1), Usage.Recent("t2", 1),
                Enumerable.Range(0, 5).Select(i => Usage.Recent($"today{i}", 0)),
            },
        }, cancellationToken: Cancel);

        // Each complete day gets its values; yesterday is the latest.
        Assert.Equal(2, await PublishedAsync(probe, productId, "dau", DaysAgo(3)));
        Assert.Equal(1, await PublishedAsync(probe, productId, "dau", DaysAgo(2)));
        Assert.Equal(0.5, await PublishedAsync(probe, productId, "retention_d1", DaysAgo(2))); // r1 of {r1, r2}
        Assert.Equal(2, await PublishedAsync(probe, productId, "dau", DaysAgo(1)));
        Assert.Equal(4, await PublishedAsync(probe, productId, "mau", DaysAgo(1)));
        Assert.Equal(0.5, await PublishedAsync(probe, productId, "stickiness", DaysAgo(1)), 9);
        var values = hosts.Values(provider, workspace);
        var dau = await values.GetMetricValueAsync(new GetMetricValueRequest { Name = $"{product}/metricValues/dau" }, cancellationToken: Cancel);
        Assert.Equal((2.0, DaysAgo(1)), (dau.Value, dau.AsOfDate.ToDateOnly()));

        // A late event reaches back: the days from its day on are recomputed, and only what moved is published.
        await events.TrackEventAsync(new TrackEventRequest { Parent = product, Event = Usage.Recent("late", 2) }, cancellationToken: Cancel);
        Assert.Equal(2, await PublishedAsync(probe, productId, "dau", DaysAgo(2), v => v == 2));
        Assert.Equal(5, await PublishedAsync(probe, productId, "mau", DaysAgo(1), v => v == 5));

        // Survey answers and funnels count on the day they happened.
        var surveys = hosts.Surveys(provider, workspace);
        var survey = await surveys.CreateSurveyAsync(new CreateSurveyRequest { Parent = product, Survey = new Survey { DisplayName = "NPS", Kind = SurveyKind.Nps } }, cancellationToken: Cancel);
        await surveys.RecordSurveyResponseAsync(new RecordSurveyResponseRequest { Parent = survey.Name, Response = new SurveyResponse { Score = 10, ResponseTime = Usage.Recent("x", 1).EventTime } }, cancellationToken: Cancel);
        await surveys.RecordSurveyResponseAsync(new RecordSurveyResponseRequest { Parent = survey.Name, Response = new SurveyResponse { Score = 0 } }, cancellationToken: Cancel);
        var funnel = await hosts.Funnels(provider, workspace).CreateFunnelAsync(new CreateFunnelRequest
        {
            Parent = product, Funnel = new Funnel { DisplayName = "Open to buy", Steps = { "open", "buy" } },
        }, cancellationToken: Cancel);
        await events.TrackEventAsync(new TrackEventRequest { Parent = product, Event = Usage.Recent("t1", 1, "buy") }, cancellationToken: Cancel);
        await events.TrackEventAsync(new TrackEventRequest { Parent = product, Event = Usage.Recent("today0", 0, "buy") }, cancellationToken: Cancel);

        Assert.Equal(100, await PublishedAsync(probe, productId, "nps", DaysAgo(1))); // today's detractor waits for the day to end
        Assert.Equal(0.2, await PublishedAsync(probe, productId, funnel.MetricKey, DaysAgo(1), v => v == 0.2), 9); // r1, r2, late, t1, t2 opened; t1 bought
        var list = await values.ListMetricValuesAsync(new ListMetricValuesRequest { Parent = product }, cancellationToken: Cancel);
        Assert.All(list.MetricValues, v => Assert.Equal(DaysAgo(1), v.AsOfDate.ToDateOnly()));
        await Rpc.FailsAsync(Grpc.Core.StatusCode.NotFound, values.GetMetricValueAsync(new GetMetricValueRequest { Name = $"{product}/metricValues/csat" }, cancellationToken: Cancel));

        // Nothing was published for the running day, nor for a day before the first event; unchanged values not again.
        var published = probe.All<MetricValueChanged>().Where(m => m.GetProperty("productId").GetGuid() == productId).ToList();
        Assert.DoesNotContain(published, m => AsOf(m) is not { } day || day >= DaysAgo(0) || day < DaysAgo(3));
        Assert.Single(published, m => m.GetProperty("metricKey").GetString() == "dau" && AsOf(m) == DaysAgo(3));
        Assert.Single(published, m => m.GetProperty("metricKey").GetString() == "nps");

        // The activity report offers today, marked partial.
        var activity = await hosts.Activity(provider, workspace).GetActivityAsync(new GetActivityRequest
        {
            Product = product, StartDate = DaysAgo(1).ToProto(), EndDate = DaysAgo(0).ToProto(),
        }, cancellationToken: Cancel);
        Assert.Equal([(2L, false), (5L, true)], activity.Days.Select(d => (d.DailyActiveUsers, d.Partial)));
    }

    [Theory, MemberData(nameof(MetricsHosts.Providers), MemberType = typeof(MetricsHosts))]
    public async Task A_shipped_item_becomes_a_release_marker_with_before_and_after_figures(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var product = await hosts.NewProductAsync(provider, workspace);
        var productId = Guid.Parse(product[^36..]);
        var item = Guid.NewGuid();
        var hypothesis = Guid.NewGuid();
        var shipped = DateTime.UtcNow.Date.AddDays(-2).AddHours(1);
        // Two users a day before the release, four from the release day on.
        var before = Enumerable.Range(3, 3).SelectMany(d => new[] { Usage.Recent("a", d), Usage.Recent("b", d) });
        var after = Enumerable.Range(0, 3).SelectMany(d => new[] { Usage.Recent("a", d), Usage.Recent("b", d), Usage.Recent("c", d), Usage.Recent("d", d) });
        await hosts.Events(provider, workspace).BatchTrackEventsAsync(new BatchTrackEventsRequest { Parent = product, Events = { before.Concat(after) } }, cancellationToken: Cancel);
        await hosts.PublishAsync(provider, new BacklogItemShipped(item, productId, "One-page checkout", [hypothesis], [], []) { WorkspaceId = workspace, OccurredAt = shipped });
        var values = hosts.Values(provider, workspace);

        var markers = await Eventually.GetAsync(() => values.ListReleaseMarkersAsync(new ListReleaseMarkersRequest { Parent = product }, cancellationToken: Cancel).ResponseAsync,
            m => m.ReleaseMarkers.Count == 1);
        var marker = Assert.Single(markers.ReleaseMarkers);
        Assert.Equal(($"backlogItems/{item}", "One-page checkout", $"hypotheses/{hypothesis}"), (marker.BacklogItem, marker.Title, marker.Hypotheses.Single()));

        var impact = await values.GetReleaseImpactAsync(new GetReleaseImpactRequest { Name = marker.Name, MetricKey = "dau", WindowDays = 3 }, cancellationToken: Cancel);

        Assert.Equal((3, 2.0, 2, 4.0), (impact.Before.Days, impact.Before.Mean, impact.After.Days, impact.After.Mean)); // today is not a complete day
        Assert.Equal((2.0, 1.0), (impact.AbsoluteChange, impact.RelativeChange));
        Assert.False(impact.Complete);
        await Rpc.InvalidAsync(values.GetReleaseImpactAsync(new GetReleaseImpactRequest { Name = marker.Name, MetricKey = "revenue", WindowDays = 91 }, cancellationToken: Cancel),
            "metric_key", "window_days");
    }

    private static DateOnly DaysAgo(int days) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-days);

    private static DateOnly? AsOf(System.Text.Json.JsonElement message) =>
        message.TryGetProperty("asOfDate", out var date) && date.ValueKind == System.Text.Json.JsonValueKind.String ? DateOnly.Parse(date.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>The latest value published for the key and day that <paramref name="accept"/> takes (any, by default).</summary>
    private static async Task<double> PublishedAsync(BrokerProbe probe, Guid product, string key, DateOnly day, Func<double, bool>? accept = null)
    {
        var message = await probe.WaitForAsync<MetricValueChanged>(m =>
            m.GetProperty("productId").GetGuid() == product && m.GetProperty("metricKey").GetString() == key && AsOf(m) == day
            && (accept ?? (_ => true))(m.GetProperty("value").GetDouble()));
        return message.GetProperty("value").GetDouble();
    }
}
