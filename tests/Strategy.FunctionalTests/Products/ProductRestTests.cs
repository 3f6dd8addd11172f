using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lodestar.Persistence;
using Strategy.FunctionalTests.Infrastructure;

namespace Strategy.FunctionalTests.Products;

/// <summary>The same product API over REST (gRPC JSON transcoding).</summary>
public sealed class ProductRestTests(StrategyHosts hosts) : IClassFixture<StrategyHosts>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(StrategyHosts.Providers), MemberType = typeof(StrategyHosts))]
    public async Task Every_product_rpc_answers_over_rest(DatabaseProvider provider)
    {
        using var http = hosts.Rest(provider, Guid.NewGuid());

        using var created = await http.PostAsJsonAsync("/v1/products", new { displayName = "Polaris", stage = "LIFECYCLE_STAGE_GROWTH" }, Cancel);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var product = await created.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var name = product.GetProperty("name").GetString()!;
        Assert.Equal("LIFECYCLE_STAGE_GROWTH", product.GetProperty("stage").GetString());

        var read = await http.GetFromJsonAsync<JsonElement>($"/v1/{name}", Cancel);
        Assert.Equal("Polaris", read.GetProperty("displayName").GetString());

        using var patched = await http.PatchAsJsonAsync($"/v1/{name}?updateMask=description", new { description = "North" }, Cancel);
        Assert.Equal("North", (await patched.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("description").GetString());

        var list = await http.GetFromJsonAsync<JsonElement>("/v1/products?stage=LIFECYCLE_STAGE_GROWTH", Cancel);
        Assert.Equal(1, list.GetProperty("products").GetArrayLength());

        using var review = await http.PostAsJsonAsync($"/v1/{name}/stageReviews",
            new { decision = "STAGE_DECISION_MOVE", targetStage = "LIFECYCLE_STAGE_MATURITY", rationale = "Flat adoption" }, Cancel);
        Assert.Equal(HttpStatusCode.OK, review.StatusCode);
        var history = await http.GetFromJsonAsync<JsonElement>($"/v1/{name}/stageReviews", Cancel);
        Assert.Equal("LIFECYCLE_STAGE_MATURITY", history.GetProperty("stageReviews")[0].GetProperty("resultingStage").GetString());

        using var archived = await http.PostAsJsonAsync($"/v1/{name}:archive", new { }, Cancel);
        Assert.True((await archived.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("archived").GetBoolean());
    }

    [Fact]
    public async Task Rest_errors_carry_http_statuses_and_field_violations()
    {
        using var http = hosts.Rest(DatabaseProvider.Sqlite, Guid.NewGuid());
        using var invalid = await http.PostAsJsonAsync("/v1/products", new { displayName = "" }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("product.display_name", await invalid.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        using var missing = await http.GetAsync(new Uri($"/v1/products/{Guid.NewGuid()}", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        using var malformedJson = await http.PostAsync(new Uri("/v1/products", UriKind.Relative),
            new StringContent("{\"displayName\": ", System.Text.Encoding.UTF8, "application/json"), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, malformedJson.StatusCode);
    }
}
