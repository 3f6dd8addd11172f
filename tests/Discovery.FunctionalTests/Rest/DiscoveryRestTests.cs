using System.Net;
using Discovery.FunctionalTests.Infrastructure;
using Lodestar.Persistence;

namespace Discovery.FunctionalTests.Rest;

/// <summary>The discovery API over REST (gRPC JSON transcoding): every resource's RPCs answer, errors carry HTTP statuses.</summary>
public sealed class DiscoveryRestTests(DiscoveryHosts hosts) : IClassFixture<DiscoveryHosts>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(DiscoveryHosts.Providers), MemberType = typeof(DiscoveryHosts))]
    public async Task Every_discovery_rpc_answers_over_rest(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var product = await hosts.NewProductAsync(provider, workspace);
        using var http = hosts.Rest(provider, workspace);

        var persona = await http.CallAsync(HttpMethod.Post, "/v1/personas", new { displayName = "Ops lead", goals = new[] { "Fewer pages" } });
        Assert.Equal("Ops lead", (await http.CallAsync(HttpMethod.Get, $"/v1/{persona.Str("name")}")).Str("displayName"));
        Assert.Equal("SRE lead", (await http.CallAsync(HttpMethod.Patch, $"/v1/{persona.Str("name")}?updateMask=displayName", new { displayName = "SRE lead" })).Str("displayName"));
        Assert.Equal(1, (await http.CallAsync(HttpMethod.Get, "/v1/personas")).GetProperty("personas").GetArrayLength());

        var insight = await http.CallAsync(HttpMethod.Post, "/v1/insights", new
        {
            source = "INSIGHT_SOURCE_SUPPORT_TICKET", summary = "Alerts fire twice", importance = 2, persona = persona.Str("name"), customer = new { accountId = "initech" },
        });
        var insightName = insight.Str("name");
        Assert.Equal("Alerts fire twice", (await http.CallAsync(HttpMethod.Get, $"/v1/{insightName}")).Str("summary"));
        Assert.Equal(3, (await http.CallAsync(HttpMethod.Patch, $"/v1/{insightName}?updateMask=importance", new { importance = 3 })).GetProperty("importance").GetInt32());

        var problem = await http.CallAsync(HttpMethod.Post, "/v1/problems", new { product, title = "Alert noise", want = "see each incident once", personas = new[] { persona.Str("name") } });
        var problemName = problem.Str("name");
        var linked = await http.CallAsync(HttpMethod.Post, $"/v1/{problemName}:linkInsights", new { insights = new[] { insightName } });
        Assert.Equal(1, linked.GetProperty("evidence").GetProperty("insightCount").GetInt32());
        Assert.Equal("PROBLEM_STATUS_EXPLORING", (await http.CallAsync(HttpMethod.Patch, $"/v1/{problemName}?updateMask=status", new { status = "PROBLEM_STATUS_EXPLORING" })).Str("status"));
        Assert.Equal("Alert noise", (await http.CallAsync(HttpMethod.Get, $"/v1/{problemName}")).Str("title"));

        var hypothesis = await http.CallAsync(HttpMethod.Post, "/v1/hypotheses", new
        {
            product, change = "deduplicated alerts", outcome = "calmer on-call", metricKey = "pages_per_week", minimumEffect = 0.2, problem = problemName,
        });
        var hypothesisName = hypothesis.Str("name");
        Assert.Equal("HYPOTHESIS_STATUS_DRAFT", (await http.CallAsync(HttpMethod.Get, $"/v1/{hypothesisName}")).Str("status"));
        Assert.Equal("HYPOTHESIS_STATUS_TESTING", (await http.CallAsync(HttpMethod.Patch, $"/v1/{hypothesisName}?updateMask=status", new { status = "HYPOTHESIS_STATUS_TESTING" })).Str("status"));
        Assert.Equal(hypothesisName, (await http.CallAsync(HttpMethod.Get, $"/v1/hypotheses?problem={problemName}")).GetProperty("hypotheses")[0].Str("name"));

        await http.CallAsync(HttpMethod.Delete, $"/v1/{hypothesisName}");
        await http.CallAsync(HttpMethod.Delete, $"/v1/{problemName}");
        await http.CallAsync(HttpMethod.Delete, $"/v1/{insightName}");
        await http.CallAsync(HttpMethod.Delete, $"/v1/{persona.Str("name")}");
        foreach (var gone in new[] { hypothesisName, problemName, insightName, persona.Str("name") })
        {
            using var response = await http.GetAsync(new Uri($"/v1/{gone}", UriKind.Relative), Cancel);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        using var invalid = await http.PostAsync(new Uri("/v1/problems", UriKind.Relative),
            new StringContent($$"""{"product":"{{product}}","title":""}""", System.Text.Encoding.UTF8, "application/json"), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("problem.title", await invalid.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }
}
