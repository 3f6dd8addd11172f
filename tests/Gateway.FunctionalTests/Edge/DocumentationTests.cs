using System.Net;
using System.Text.Json;
using Gateway.FunctionalTests.Infrastructure;
using Lodestar.Gateway.Documentation;
using Lodestar.Gateway.Routing;
using Microsoft.OpenApi;

namespace Gateway.FunctionalTests.Edge;

/// <summary>The OpenAPI document lists every REST route of every service, with the proto comments, and a reference page shows it.</summary>
public sealed class DocumentationTests(GatewayPlatform platform) : IClassFixture<GatewayPlatform>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_openapi_document_has_an_operation_for_every_rest_binding_of_every_service()
    {
        using var http = new HttpClient { BaseAddress = platform.Gateway.HttpAddress };

        var text = await http.GetStringAsync(new Uri("/openapi.json", UriKind.Relative), Cancel);
        var parsed = OpenApiDocument.Parse(text, "json");
        var root = JsonDocument.Parse(text).RootElement;

        Assert.Empty(parsed.Diagnostic!.Errors);
        Assert.StartsWith("3.", root.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = root.GetProperty("paths");
        var services = ProtoRoutes.Services();
        Assert.Equal(["backlog", "discovery", "metrics", "strategy", "workspaces"], services.Select(ProtoRoutes.AreaOf).Distinct().Order());
        var bindings = services.SelectMany(s => s.Methods).SelectMany(ProtoRoutes.Bindings).ToList();
        Assert.All(bindings, b => Assert.True(
            paths.TryGetProperty(PathTemplate.Parse(b.Path).Path, out var item) && item.TryGetProperty(b.Verb.ToLowerInvariant(), out _),
            $"{b.Verb} {b.Path} is missing"));
        var operations = paths.EnumerateObject().Sum(p => p.Value.EnumerateObject().Count(o => o.Name is "get" or "post" or "put" or "patch" or "delete"));
        Assert.Equal(bindings.Count, operations);

        var create = paths.GetProperty("/v1/products").GetProperty("post");
        Assert.Equal("Creates a product in the introduction stage, unless another stage is given.", create.GetProperty("summary").GetString());
        Assert.Equal("#/components/schemas/lodestar.strategy.v1.Product", create.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        var funnel = paths.GetProperty("/v1/products/{product}/funnels/{funnel}").GetProperty("get");
        Assert.Equal(["product", "funnel", "x-workspace-id"], funnel.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        var product = root.GetProperty("components").GetProperty("schemas").GetProperty("lodestar.strategy.v1.Product");
        Assert.True(product.GetProperty("properties").TryGetProperty("displayName", out _));
        Assert.Equal(["apiKey", "bearer"], root.GetProperty("components").GetProperty("securitySchemes").EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task The_reference_page_loads_the_document_without_credentials()
    {
        using var http = new HttpClient { BaseAddress = platform.Gateway.HttpAddress };

        using var page = await http.GetAsync(new Uri("/docs/", UriKind.Relative), Cancel);
        var html = await page.Content.ReadAsStringAsync(Cancel);
        var document = await http.GetStringAsync(new Uri("/docs/openapi.json", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("\"url\":\"openapi.json\"", html, StringComparison.Ordinal);
        Assert.StartsWith("3.", JsonDocument.Parse(document).RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }
}
