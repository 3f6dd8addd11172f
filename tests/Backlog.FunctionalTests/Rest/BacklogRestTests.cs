using System.Net;
using System.Net.Http.Json;
using Backlog.FunctionalTests.Infrastructure;
using Lodestar.Persistence;

namespace Backlog.FunctionalTests.Rest;

/// <summary>The backlog API over REST (gRPC JSON transcoding): every RPC answers, errors carry HTTP statuses.</summary>
public sealed class BacklogRestTests(BacklogHosts hosts) : IClassFixture<BacklogHosts>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(BacklogHosts.Providers), MemberType = typeof(BacklogHosts))]
    public async Task Every_backlog_rpc_answers_over_rest(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var product = await hosts.NewProductAsync(provider, workspace);
        using var http = hosts.Rest(provider, workspace);

        var settings = await http.CallAsync(HttpMethod.Patch, $"/v1/{product}/backlogSettings?updateMask=rankingFramework,criteria", new
        {
            rankingFramework = "FRAMEWORK_WSJF",
            criteria = new[] { new { key = "revenue", displayName = "Revenue", weight = 2 } },
        });
        Assert.Equal("FRAMEWORK_WSJF", settings.Str("rankingFramework"));
        Assert.Equal("FRAMEWORK_WSJF", (await http.CallAsync(HttpMethod.Get, $"/v1/{product}/backlogSettings")).Str("rankingFramework"));

        var first = await http.CallAsync(HttpMethod.Post, "/v1/backlogItems", new
        {
            product, type = "ITEM_TYPE_FEATURE", title = "Usage-based billing", labels = new[] { "billing" },
            wsjf = new { userBusinessValue = 13, timeCriticality = 8, riskReduction = 5, jobSize = 13 },
            weighted = new Dictionary<string, double> { ["revenue"] = 9 },
        });
        var second = await http.CallAsync(HttpMethod.Post, "/v1/backlogItems", new
        {
            product, type = "ITEM_TYPE_BUG", title = "Invoice rounding", wsjf = new { userBusinessValue = 5, timeCriticality = 8, riskReduction = 3, jobSize = 2 },
        });
        var name = first.Str("name");
        Assert.Equal(2, first.GetProperty("scores").GetProperty("wsjf").GetDouble());
        Assert.Equal(9, first.GetProperty("scores").GetProperty("weighted").GetDouble());

        var read = await http.CallAsync(HttpMethod.Get, $"/v1/{name}");
        Assert.Equal("ITEM_TYPE_FEATURE", read.Str("type"));
        var patched = await http.CallAsync(HttpMethod.Patch, $"/v1/{name}?updateMask=status,estimatePoints", new { status = "ITEM_STATUS_READY", estimatePoints = 8 });
        Assert.Equal(("ITEM_STATUS_READY", 8d), (patched.Str("status"), patched.GetProperty("estimatePoints").GetDouble()));
        var listed = await http.CallAsync(HttpMethod.Get, $"/v1/backlogItems?product={product}&label=billing&itemTypes=ITEM_TYPE_FEATURE");
        Assert.Equal(name, listed.GetProperty("backlogItems")[0].Str("name"));

        var ranked = await http.CallAsync(HttpMethod.Get, $"/v1/{product}/backlog?pageSize=10");
        Assert.Equal([second.Str("name"), name], ranked.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("backlogItem").Str("name")));
        var moved = await http.CallAsync(HttpMethod.Post, $"/v1/{name}:move", new { above = second.Str("name") });
        Assert.True(moved.GetProperty("manuallyRanked").GetBoolean());
        var explained = await http.CallAsync(HttpMethod.Get, $"/v1/{name}:explainScore?framework=FRAMEWORK_WSJF");
        Assert.Equal("(13 + 8 + 5) ÷ 13 = 2", explained.Str("calculation"));
        var kano = await http.CallAsync(HttpMethod.Post, $"/v1/{name}:addKanoResponses", new
        {
            responses = new[] { new { functional = "KANO_ANSWER_LIKE", dysfunctional = "KANO_ANSWER_DISLIKE" } },
        });
        Assert.Equal("KANO_CATEGORY_ONE_DIMENSIONAL", kano.GetProperty("scores").GetProperty("kano").Str("category"));
        var robustness = await http.CallAsync(HttpMethod.Get, $"/v1/{product}/backlog:analyzeRobustness?topN=2&seed=3");
        Assert.Equal(2, robustness.GetProperty("items").GetArrayLength());
        var reranked = await http.CallAsync(HttpMethod.Post, $"/v1/{product}/backlog:rerank", new { });
        Assert.Equal(2, reranked.GetProperty("itemCount").GetInt32());
        await http.CallAsync(HttpMethod.Delete, $"/v1/{second.Str("name")}");
        using var gone = await http.GetAsync(new Uri($"/v1/{second.Str("name")}", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Rest_errors_carry_http_statuses_and_field_violations()
    {
        var workspace = Guid.NewGuid();
        var product = await hosts.NewProductAsync(DatabaseProvider.Sqlite, workspace);
        using var http = hosts.Rest(DatabaseProvider.Sqlite, workspace);
        using var invalid = await http.PostAsJsonAsync("/v1/backlogItems", new
        {
            product, type = "ITEM_TYPE_FEATURE", title = "Bad RICE", rice = new { reach = 10, impact = 2, confidence = 150, effort = 0 },
        }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var body = await invalid.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("backlog_item.rice.confidence", body, StringComparison.Ordinal);
        Assert.Contains("backlog_item.rice.effort", body, StringComparison.Ordinal);

        using var unknownEnum = await http.PostAsJsonAsync("/v1/backlogItems", new { product, type = "ITEM_TYPE_SAGA", title = "Saga" }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, unknownEnum.StatusCode);
        using var missing = await http.GetAsync(new Uri($"/v1/backlogItems/{Guid.NewGuid()}", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var list = await http.CallAsync(HttpMethod.Get, $"/v1/backlogItems?product={product}");
        Assert.Equal(0, list.TryGetProperty("backlogItems", out var items) ? items.GetArrayLength() : 0);
    }
}
