using System.Net;
using System.Net.Http.Json;
using Lodestar.Persistence;
using Metrics.FunctionalTests.Infrastructure;

namespace Metrics.FunctionalTests.Rest;

/// <summary>The REST mapping of the metrics API (gRPC JSON transcoding).</summary>
public sealed class MetricsRestTests(MetricsHosts hosts) : IClassFixture<MetricsHosts>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(MetricsHosts.Providers), MemberType = typeof(MetricsHosts))]
    public async Task Events_go_in_and_reports_come_out_as_json(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var product = await hosts.NewProductAsync(provider, workspace);
        using var http = hosts.Rest(provider, workspace);
        var time = Usage.Day(0).ToDateTime(new TimeOnly(9, 30), DateTimeKind.Utc).ToString("O");

        var tracked = await http.CallAsync(HttpMethod.Post, $"/v1/{product}/events:track", new
        {
            @event = new { eventId = "rest-1", userId = "u1", eventName = "signup", eventTime = time, properties = new { plan = "pro", seats = 5 } },
        });
        var batch = await http.CallAsync(HttpMethod.Post, $"/v1/{product}/events:batchTrack", new
        {
            events = new[]
            {
                new { eventId = "rest-1", userId = "u1", eventName = "signup", eventTime = time },
                new { eventId = "rest-2", userId = "u2", eventName = "signup", eventTime = time },
            },
        });
        var date = Usage.Day(0);
        var report = await http.CallAsync(HttpMethod.Get,
            $"/v1/{product}/activity?startDate.year={date.Year}&startDate.month={date.Month}&startDate.day={date.Day}&endDate.year={date.Year}&endDate.month={date.Month}&endDate.day={date.Day}");

        Assert.False(tracked.GetProperty("duplicate").GetBoolean());
        Assert.Equal(1, batch.GetProperty("acceptedCount").GetInt32());
        Assert.Equal(1, batch.GetProperty("duplicateCount").GetInt32());
        Assert.Equal(2, report.GetProperty("days")[0].GetProperty("dailyActiveUsers").GetInt64());
    }

    [Theory, MemberData(nameof(MetricsHosts.Providers), MemberType = typeof(MetricsHosts))]
    public async Task Unknown_fields_and_malformed_json_are_bad_requests(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var product = await hosts.NewProductAsync(provider, workspace);
        using var http = hosts.Rest(provider, workspace);
        var time = DateTime.UtcNow.ToString("O");

        using var unknown = await http.PostAsJsonAsync($"/v1/{product}/events:track",
            new { @event = new { eventId = "x1", userId = "u1", eventName = "open", eventTime = time, colour = "red" } }, Cancel);
        using var malformed = await http.PostAsync(new Uri($"/v1/{product}/events:track", UriKind.Relative),
            new StringContent("{\"event\": {\"eventId\": ", System.Text.Encoding.UTF8, "application/json"), Cancel);
        using var invalid = await http.PostAsJsonAsync($"/v1/{product}/events:track",
            new { @event = new { eventId = "x2", userId = "u1", eventName = "open", eventTime = "yesterday" } }, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var tracked = await http.CallAsync(HttpMethod.Post, $"/v1/{product}/events:track",
            new { @event = new { eventId = "x1", userId = "u1", eventName = "open", eventTime = time } });
        Assert.False(tracked.GetProperty("duplicate").GetBoolean()); // the refused request stored nothing
    }
}
