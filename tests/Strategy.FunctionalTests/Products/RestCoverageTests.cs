using System.Text.Json;
using Lodestar.Persistence;
using Strategy.FunctionalTests.Infrastructure;

namespace Strategy.FunctionalTests.Products;

/// <summary>Every strategy RPC answers over REST too (the product RPCs are covered in ProductRestTests).</summary>
public sealed class RestCoverageTests(StrategyHosts hosts) : IClassFixture<StrategyHosts>
{
    private static readonly object Jan1 = new { year = 2027, month = 1, day = 1 };
    private static readonly object Mar31 = new { year = 2027, month = 3, day = 31 };

    [Theory, MemberData(nameof(StrategyHosts.Providers), MemberType = typeof(StrategyHosts))]
    public async Task Kpis_goals_and_key_results_over_rest(DatabaseProvider provider)
    {
        using var http = hosts.Rest(provider, Guid.NewGuid());
        var product = (await http.CallAsync(HttpMethod.Post, "/v1/products", new { displayName = "Rest" })).Str("name");

        var kpi = (await http.CallAsync(HttpMethod.Post, "/v1/kpis",
            new { product, displayName = "WAU", metricKey = "wau", direction = "KPI_DIRECTION_UP", target = 100, atRiskBand = 10 })).Str("name");
        Assert.Equal("KPI_STATUS_NO_DATA", (await http.CallAsync(HttpMethod.Get, $"/v1/{kpi}")).Str("status"));
        Assert.Equal(1, (await http.CallAsync(HttpMethod.Get, $"/v1/kpis?product={product}")).GetProperty("kpis").GetArrayLength());
        Assert.Equal(150, (await http.CallAsync(HttpMethod.Patch, $"/v1/{kpi}?updateMask=target", new { target = 150 })).GetProperty("target").GetDouble());
        Assert.Equal(0, Count(await http.CallAsync(HttpMethod.Get, $"/v1/{kpi}/values"), "values"));
        await http.CallAsync(HttpMethod.Delete, $"/v1/{kpi}");

        var goal = (await http.CallAsync(HttpMethod.Post, "/v1/goals", new { product, title = "Grow", periodStart = Jan1, periodEnd = Mar31 })).Str("name");
        var keyResult = (await http.CallAsync(HttpMethod.Post, $"/v1/{goal}/keyResults", new { title = "Users", baseline = 0, target = 100, currentValue = 10 })).Str("name");
        var updated = await http.CallAsync(HttpMethod.Patch, $"/v1/{keyResult}?updateMask=currentValue", new { currentValue = 50 });
        Assert.Equal(0.5, updated.GetProperty("progress").GetDouble());
        Assert.Equal(0.5, (await http.CallAsync(HttpMethod.Get, $"/v1/{goal}")).GetProperty("progress").GetDouble());
        Assert.Equal(1, (await http.CallAsync(HttpMethod.Get, $"/v1/goals?product={product}")).GetProperty("goals").GetArrayLength());
        Assert.Equal("Grow more", (await http.CallAsync(HttpMethod.Patch, $"/v1/{goal}?updateMask=title", new { title = "Grow more" })).Str("title"));
        await http.CallAsync(HttpMethod.Delete, $"/v1/{keyResult}");
        await http.CallAsync(HttpMethod.Delete, $"/v1/{goal}");
    }

    [Theory, MemberData(nameof(StrategyHosts.Providers), MemberType = typeof(StrategyHosts))]
    public async Task Positioning_competitors_stakeholders_decisions_and_initiatives_over_rest(DatabaseProvider provider)
    {
        using var http = hosts.Rest(provider, Guid.NewGuid());
        var product = (await http.CallAsync(HttpMethod.Post, "/v1/products", new { displayName = "Rest" })).Str("name");

        var positioning = await http.CallAsync(HttpMethod.Patch, $"/v1/{product}/positioning?updateMask=vision,targetPersona",
            new { vision = "Clarity", targetPersona = "PMs" });
        Assert.StartsWith("For PMs who [need]", positioning.Str("statement"), StringComparison.Ordinal);

        var competitor = (await http.CallAsync(HttpMethod.Post, "/v1/competitors", new { product, displayName = "Aha!" })).Str("name");
        Assert.Equal("Aha!", (await http.CallAsync(HttpMethod.Get, $"/v1/{competitor}")).Str("displayName"));
        Assert.Equal("Ent", (await http.CallAsync(HttpMethod.Patch, $"/v1/{competitor}?updateMask=segment", new { segment = "Ent" })).Str("segment"));
        await http.CallAsync(HttpMethod.Delete, $"/v1/{competitor}");

        var stakeholder = (await http.CallAsync(HttpMethod.Post, "/v1/stakeholders",
            new { displayName = "Grace", function = "STAKEHOLDER_FUNCTION_FINANCE" })).Str("name");
        Assert.Equal("Grace", (await http.CallAsync(HttpMethod.Get, $"/v1/{stakeholder}")).Str("displayName"));
        Assert.Equal(1, (await http.CallAsync(HttpMethod.Get, "/v1/stakeholders?function=STAKEHOLDER_FUNCTION_FINANCE")).GetProperty("stakeholders").GetArrayLength());
        Assert.Equal("CFO", (await http.CallAsync(HttpMethod.Patch, $"/v1/{stakeholder}?updateMask=title", new { title = "CFO" })).Str("title"));

        var decision = (await http.CallAsync(HttpMethod.Post, "/v1/decisions", new
        {
            product, title = "Go", outcome = "Ship it", rationale = "Evidence", decideDate = Jan1, informedStakeholders = new[] { stakeholder },
        })).Str("name");
        Assert.Equal(1, (await http.CallAsync(HttpMethod.Get, $"/v1/decisions?product={product}")).GetProperty("decisions").GetArrayLength());
        Assert.Equal("Ship now", (await http.CallAsync(HttpMethod.Patch, $"/v1/{decision}?updateMask=outcome", new { outcome = "Ship now" })).Str("outcome"));
        await http.CallAsync(HttpMethod.Delete, $"/v1/{decision}");
        await http.CallAsync(HttpMethod.Delete, $"/v1/{stakeholder}");

        var initiative = (await http.CallAsync(HttpMethod.Post, "/v1/initiatives", new { product, title = "SSO", horizon = "HORIZON_NOW" })).Str("name");
        Assert.Equal("SSO", (await http.CallAsync(HttpMethod.Get, $"/v1/{initiative}")).Str("title"));
        Assert.Equal(1, (await http.CallAsync(HttpMethod.Get, $"/v1/initiatives?product={product}")).GetProperty("initiatives").GetArrayLength());
        Assert.Equal("HORIZON_LATER", (await http.CallAsync(HttpMethod.Patch, $"/v1/{initiative}?updateMask=horizon", new { horizon = "HORIZON_LATER" })).Str("horizon"));
        var roadmap = await http.CallAsync(HttpMethod.Get, $"/v1/{product}/roadmap");
        Assert.Equal("Later", roadmap.GetProperty("columns")[0].Str("title"));
        await http.CallAsync(HttpMethod.Delete, $"/v1/{initiative}");
        Assert.Equal(0, Count(await http.CallAsync(HttpMethod.Get, $"/v1/{product}/roadmap"), "columns"));
    }

    private static int Count(JsonElement response, string property) =>
        response.TryGetProperty(property, out var array) ? array.GetArrayLength() : 0;
}
