using Lodestar.Persistence;
using Metrics.FunctionalTests.Infrastructure;

namespace Metrics.FunctionalTests.Rest;

/// <summary>Every metrics resource through its REST mapping: surveys, experiments, funnels, churn, retention, values.</summary>
public sealed class MetricsRestCoverageTests(MetricsHosts hosts) : IClassFixture<MetricsHosts>
{
    [Theory, MemberData(nameof(MetricsHosts.Providers), MemberType = typeof(MetricsHosts))]
    public async Task Each_resource_answers_over_rest(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var product = await hosts.NewProductAsync(provider, workspace);
        using var http = hosts.Rest(provider, workspace);
        var day = Usage.Day(1).ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc).ToString("O");
        await http.CallAsync(HttpMethod.Post, $"/v1/{product}/events:batchTrack", new
        {
            events = new[]
            {
                new { eventId = "e1", userId = "u1", eventName = "view", eventTime = day },
                new { eventId = "e2", userId = "u1", eventName = "buy", eventTime = day },
                new { eventId = "e3", userId = "u2", eventName = "view", eventTime = day },
            },
        });
        var range = DateQuery("startDate", Usage.Day(0)) + "&" + DateQuery("endDate", Usage.Day(2));

        var retention = await http.CallAsync(HttpMethod.Get, $"/v1/{product}/retention?{range}&periods=1");
        var churn = await http.CallAsync(HttpMethod.Get, $"/v1/{product}/churn?{range}&period=PERIOD_DAY");
        var funnel = await http.CallAsync(HttpMethod.Post, $"/v1/{product}/funnels", new { displayName = "View to buy", steps = new[] { "view", "buy" } });
        var funnelReport = await http.CallAsync(HttpMethod.Get, $"/v1/{funnel.Str("name")}:report?{range}");
        var engagement = await http.CallAsync(HttpMethod.Get, $"/v1/{product}/engagement?{range}");
        var ctr = await http.CallAsync(HttpMethod.Get, $"/v1/{product}/clickThroughRate?impressionEvent=view&clickEvent=buy&{range}");
        var survey = await http.CallAsync(HttpMethod.Post, $"/v1/{product}/surveys", new { displayName = "NPS", kind = "SURVEY_KIND_NPS" });
        await http.CallAsync(HttpMethod.Post, $"/v1/{survey.Str("name")}/responses", new { responseId = "r1", score = 9, responseTime = day });
        var nps = await http.CallAsync(HttpMethod.Get, $"/v1/{product}/nps?{range}");
        var experiment = await http.CallAsync(HttpMethod.Post, $"/v1/{product}/experiments", new
        {
            key = "rest-test", displayName = "REST", conversionEvent = "buy", baselineConversionRate = 0.1, minimumDetectableEffect = 0.2,
            variants = new object[] { new { key = "control", weightPercent = 50, control = true }, new { key = "b", weightPercent = 50 } },
        });
        await http.CallAsync(HttpMethod.Post, $"/v1/{experiment.Str("name")}:start", new { });
        var assignment = await http.CallAsync(HttpMethod.Post, $"/v1/{experiment.Str("name")}:assign", new { userId = "u1" });
        var analysis = await http.CallAsync(HttpMethod.Get, $"/v1/{experiment.Str("name")}:analyze");
        var sampleSize = await http.CallAsync(HttpMethod.Post, "/v1/experiments:calculateSampleSize", new { baselineConversionRate = 0.1, minimumDetectableEffect = 0.2 });
        var values = await http.CallAsync(HttpMethod.Get, $"/v1/{product}/metricValues");
        var markers = await http.CallAsync(HttpMethod.Get, $"/v1/{product}/releaseMarkers");

        Assert.Equal(2, retention.GetProperty("cohorts")[1].GetProperty("users").GetInt64());
        Assert.Equal(3, churn.GetProperty("periods").GetArrayLength());
        Assert.Equal(0.5, funnelReport.GetProperty("overallConversion").GetDouble());
        Assert.Equal(1.5, engagement.GetProperty("eventsPerActiveUser").GetDouble());
        Assert.Equal(0.5, ctr.GetProperty("rate").GetDouble());
        Assert.Equal(100, nps.GetProperty("overall").GetProperty("score").GetDouble());
        Assert.True(assignment.GetProperty("firstExposure").GetBoolean());
        Assert.Equal(1, analysis.GetProperty("variants").EnumerateArray().Sum(v => v.GetProperty("users").GetInt64()));
        Assert.Equal(3841, sampleSize.GetProperty("usersPerVariant").GetInt64());
        Assert.Equal(System.Text.Json.JsonValueKind.Array, values.GetProperty("metricValues").ValueKind);
        Assert.Equal(0, markers.GetProperty("releaseMarkers").GetArrayLength());
    }

    private static string DateQuery(string field, DateOnly date) => $"{field}.year={date.Year}&{field}.month={date.Month}&{field}.day={date.Day}";
}
