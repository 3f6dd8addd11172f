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
    public async Task Values_are_recomputed_as_data_arrives_and_published_when_they_change(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var product = await hosts.NewProductAsync(provider, workspace);
        var productId = Guid.Parse(product[^36..]);
        await using var probe = await BrokerProbe.StartAsync(hosts.EventBus(provider), typeof(MetricValueChanged));
        var events = hosts.Events(provider, workspace);
        // r1 and r2 first seen two days ago; r1 back yesterday: day-1 retention of that cohort is 1/2.
        await events.BatchTrackEventsAsync(new BatchTrackEventsRequest
        {
            Parent = product,
            Events = { Usage.Recent("r1", 2), Usage.Recent("r2", 2), Usage.Recent("r1", 1), Usage.Recent("t1", 0), Usage.Recent("t2", 0), Usage.Recent("t3", 0, "buy") },
        }, cancellationToken: Cancel);

        Assert.Equal(3, await PublishedAsync(probe, productId, "dau", v => v == 3));
        Assert.Equal(0.5, await PublishedAsync(probe, productId, "retention_d1", _ => true));
        Assert.Equal(0.6, await PublishedAsync(probe, productId, "stickiness", v => Math.Abs(v - 0.6) < 1e-9), 9); // 3 today of 5 this month

        var survey = await hosts.Surveys(provider, workspace).CreateSurveyAsync(new CreateSurveyRequest { Parent = product, Survey = new Survey { DisplayName = "NPS", Kind = SurveyKind.Nps } }, cancellationToken: Cancel);
        await hosts.Surveys(provider, workspace).RecordSurveyResponseAsync(new RecordSurveyResponseRequest { Parent = survey.Name, Response = new SurveyResponse { Score = 10 } }, cancellationToken: Cancel);
        var funnel = await hosts.Funnels(provider, workspace).CreateFunnelAsync(new CreateFunnelRequest
        {
            Parent = product, Funnel = new Funnel { DisplayName = "Open to buy", Steps = { "open", "buy" } },
        }, cancellationToken: Cancel);
        await events.TrackEventAsync(new TrackEventRequest { Parent = product, Event = Usage.Recent("t1", 0, "buy") }, cancellationToken: Cancel);

        Assert.Equal(100, await PublishedAsync(probe, productId, "nps", _ => true));
        Assert.Equal(0.25, await PublishedAsync(probe, productId, funnel.MetricKey, v => v == 0.25)); // r1, r2, t1, t2 opened; t1 bought
        var values = await hosts.Values(provider, workspace).ListMetricValuesAsync(new ListMetricValuesRequest { Parent = product }, cancellationToken: Cancel);
        Assert.Contains(values.MetricValues, v => v.MetricKey == "dau" && v.Value == 3);
        var nps = await hosts.Values(provider, workspace).GetMetricValueAsync(new GetMetricValueRequest { Name = $"{product}/metricValues/nps" }, cancellationToken: Cancel);
        Assert.Equal(100, nps.Value);
        await Rpc.FailsAsync(Grpc.Core.StatusCode.NotFound, hosts.Values(provider, workspace).GetMetricValueAsync(new GetMetricValueRequest { Name = $"{product}/metricValues/csat" }, cancellationToken: Cancel));
        // Unchanged values are not published again.
        Assert.Single(probe.All<MetricValueChanged>(), m => m.GetProperty("metricKey").GetString() == "nps" && m.GetProperty("productId").GetGuid() == productId);
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

        Assert.Equal((3, 2.0, 3, 4.0), (impact.Before.Days, impact.Before.Mean, impact.After.Days, impact.After.Mean));
        Assert.Equal((2.0, 1.0), (impact.AbsoluteChange, impact.RelativeChange));
        Assert.False(impact.Complete);
        await Rpc.InvalidAsync(values.GetReleaseImpactAsync(new GetReleaseImpactRequest { Name = marker.Name, MetricKey = "revenue", WindowDays = 91 }, cancellationToken: Cancel),
            "metric_key", "window_days");
    }

    private static async Task<double> PublishedAsync(BrokerProbe probe, Guid product, string key, Func<double, bool> accept)
    {
        var message = await probe.WaitForAsync<MetricValueChanged>(m =>
            m.GetProperty("productId").GetGuid() == product && m.GetProperty("metricKey").GetString() == key && accept(m.GetProperty("value").GetDouble()));
        return message.GetProperty("value").GetDouble();
    }
}
