using Grpc.Core;
using Lodestar.Metrics.V1;
using Lodestar.Persistence;
using Lodestar.Security;
using Metrics.FunctionalTests.Infrastructure;

namespace Metrics.FunctionalTests.Events;

/// <summary>Events in one at a time, in batches and streamed; duplicates dropped; bad input refused whole.</summary>
public sealed class IngestionTests(MetricsHosts hosts) : IClassFixture<MetricsHosts>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(MetricsHosts.Providers), MemberType = typeof(MetricsHosts))]
    public async Task Resent_events_are_recognised_as_duplicates_one_at_a_time_and_in_batches(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var product = await hosts.NewProductAsync(provider, workspace);
        var events = hosts.Events(provider, workspace);
        var first = Usage.Event("u1", 0, id: "evt-1");

        Assert.False((await events.TrackEventAsync(new TrackEventRequest { Parent = product, Event = first }, cancellationToken: Cancel)).Duplicate);
        Assert.True((await events.TrackEventAsync(new TrackEventRequest { Parent = product, Event = first }, cancellationToken: Cancel)).Duplicate);
        var batch = await events.BatchTrackEventsAsync(new BatchTrackEventsRequest
        {
            Parent = product,
            Events = { first, Usage.Event("u2", 0, id: "evt-2"), Usage.Event("u2", 0, id: "evt-2"), Usage.Event("u3", 1, id: "evt-3") },
        }, cancellationToken: Cancel);

        Assert.Equal((2, 2), (batch.AcceptedCount, batch.DuplicateCount));
        Assert.Equal(new long[] { 2, 1 }, await DailyActiveAsync(provider, workspace, product, 0, 1));
    }

    [Theory, MemberData(nameof(MetricsHosts.Providers), MemberType = typeof(MetricsHosts))]
    public async Task A_stream_of_batches_is_stored_and_counted_once_the_client_completes(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var product = await hosts.NewProductAsync(provider, workspace);
        var other = await hosts.NewProductAsync(provider, workspace, "Beacon");
        using var call = hosts.Events(provider, workspace).StreamEvents(cancellationToken: Cancel);
        for (var batch = 0; batch < 5; batch++)
        {
            await call.RequestStream.WriteAsync(new StreamEventsRequest
            {
                Parent = product, Events = { Enumerable.Range(0, 300).Select(i => Usage.Event($"user-{i}", batch, id: $"b{batch}-{i}")) },
            }, Cancel);
        }
        await call.RequestStream.WriteAsync(new StreamEventsRequest { Parent = other, Events = { Usage.Event("x", 0) } }, Cancel);
        await call.RequestStream.WriteAsync(new StreamEventsRequest { Parent = product, Events = { Usage.Event("late", 4, id: "b0-0") } }, Cancel);
        await call.RequestStream.CompleteAsync();
        var response = await call;

        Assert.Equal((1501L, 1L, 7L), (response.AcceptedCount, response.DuplicateCount, response.BatchCount));
        Assert.Equal(new long[] { 300, 300, 300, 300, 300 }, await DailyActiveAsync(provider, workspace, product, 0, 4));
        Assert.Equal(new long[] { 1 }, await DailyActiveAsync(provider, workspace, other, 0, 0));
    }

    [Theory, MemberData(nameof(MetricsHosts.Providers), MemberType = typeof(MetricsHosts))]
    public async Task An_invalid_batch_names_every_bad_field_and_stores_nothing(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var product = await hosts.NewProductAsync(provider, workspace);
        var events = hosts.Events(provider, workspace);
        var good = Usage.Event("u1", 0, id: "good");
        var bothIds = Usage.Event("u2", 0);
        bothIds.AnonymousId = "device";
        var future = Usage.Event("u3", 0);
        future.EventTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(DateTime.UtcNow.AddHours(1));
        var ancient = Usage.Event("u4", 0);
        ancient.EventTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(DateTime.UtcNow.AddYears(-3));
        var big = Usage.Event("u5", 0);
        big.Properties = new Google.Protobuf.WellKnownTypes.Struct { Fields = { ["blob"] = Google.Protobuf.WellKnownTypes.Value.ForString(new string('x', 9000)) } };
        var badTimestamp = Usage.Event("u6", 0);
        badTimestamp.EventTime = new Google.Protobuf.WellKnownTypes.Timestamp { Seconds = long.MaxValue };

        await Rpc.InvalidAsync(events.BatchTrackEventsAsync(new BatchTrackEventsRequest
        {
            Parent = product,
            Events =
            {
                good, bothIds, future, ancient, big, badTimestamp,
                new Event { EventId = "has space", UserId = "u7", EventName = "9lives", EventTime = good.EventTime },
                new Event { UserId = "u8" },
            },
        }, cancellationToken: Cancel),
            "events[1].user_id", "events[2].event_time", "events[3].event_time", "events[4].properties", "events[5].event_time",
            "events[6].event_id", "events[6].event_name", "events[7].event_id", "events[7].event_name", "events[7].event_time");
        await Rpc.InvalidAsync(events.BatchTrackEventsAsync(new BatchTrackEventsRequest
        {
            Parent = product, Events = { Enumerable.Range(0, 1001).Select(i => Usage.Event("u", 0)) },
        }, cancellationToken: Cancel), "events");
        await Rpc.InvalidAsync(events.BatchTrackEventsAsync(new BatchTrackEventsRequest { Parent = product }, cancellationToken: Cancel), "events");
        await Rpc.InvalidAsync(events.TrackEventAsync(new TrackEventRequest { Parent = product }, cancellationToken: Cancel), "event");

        Assert.False((await events.TrackEventAsync(new TrackEventRequest { Parent = product, Event = good }, cancellationToken: Cancel)).Duplicate);
    }

    [Theory, MemberData(nameof(MetricsHosts.Providers), MemberType = typeof(MetricsHosts))]
    public async Task A_bad_batch_ends_a_stream_and_the_batches_before_it_stay_recorded(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var product = await hosts.NewProductAsync(provider, workspace);
        using var call = hosts.Events(provider, workspace).StreamEvents(cancellationToken: Cancel);
        await call.RequestStream.WriteAsync(new StreamEventsRequest { Parent = product, Events = { Usage.Event("u1", 0), Usage.Event("u2", 0) } }, Cancel);
        await call.RequestStream.WriteAsync(new StreamEventsRequest { Parent = product, Events = { new Event { EventId = "x", UserId = "u3" } } }, Cancel);

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await call.RequestStream.CompleteAsync();
            await call;
        });

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(new long[] { 2 }, await DailyActiveAsync(provider, workspace, product, 0, 0));
    }

    [Theory, MemberData(nameof(MetricsHosts.Providers), MemberType = typeof(MetricsHosts))]
    public async Task Events_need_a_product_of_the_workspace_and_an_editor(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var product = await hosts.NewProductAsync(provider, workspace);
        var request = new TrackEventRequest { Parent = product, Event = Usage.Event("u1", 0) };

        await Rpc.FailsAsync(StatusCode.NotFound, hosts.Events(provider, Guid.NewGuid()).TrackEventAsync(request, cancellationToken: Cancel));
        await Rpc.FailsAsync(StatusCode.NotFound, hosts.Events(provider, workspace).TrackEventAsync(
            new TrackEventRequest { Parent = $"products/{Guid.NewGuid()}", Event = Usage.Event("u1", 0) }, cancellationToken: Cancel));
        await Rpc.InvalidAsync(hosts.Events(provider, workspace).TrackEventAsync(new TrackEventRequest { Parent = "product-1", Event = Usage.Event("u1", 0) }, cancellationToken: Cancel), "parent");
        await Rpc.FailsAsync(StatusCode.PermissionDenied, hosts.Events(provider, workspace, WorkspaceRole.Viewer).TrackEventAsync(request, cancellationToken: Cancel));
        await Rpc.FailsAsync(StatusCode.PermissionDenied, hosts.Events(provider, workspace, WorkspaceRole.Viewer).RebuildAggregatesAsync(
            new RebuildAggregatesRequest { Product = product }, cancellationToken: Cancel));
        Assert.Equal(new long[] { 0 }, await DailyActiveAsync(provider, workspace, product, 0, 0));
    }

    private async Task<long[]> DailyActiveAsync(DatabaseProvider provider, Guid workspace, string product, int from, int to)
    {
        var report = await hosts.Activity(provider, workspace).GetActivityAsync(new GetActivityRequest { Product = product, StartDate = Usage.Date(from), EndDate = Usage.Date(to) }, cancellationToken: Cancel);
        return [.. report.Days.Select(d => d.DailyActiveUsers)];
    }
}
