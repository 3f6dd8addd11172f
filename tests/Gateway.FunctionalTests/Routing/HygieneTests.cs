using System.Net;
using System.Net.Http.Json;
using Gateway.FunctionalTests.Infrastructure;

namespace Gateway.FunctionalTests.Routing;

/// <summary>What the gateway adds and refuses at the edge: security headers, body limits.</summary>
public sealed class HygieneTests(GatewayPlatform platform) : IClassFixture<GatewayPlatform>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Responses_carry_security_headers_and_no_server_banner()
    {
        using var rest = platform.Rest(await platform.NewWorkspaceAsync());

        using var response = await rest.GetAsync(new Uri("/v1/products", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task An_oversized_body_is_refused_before_it_reaches_a_service()
    {
        var workspace = await platform.NewWorkspaceAsync();
        using var rest = platform.Rest(workspace);

        using var oversized = await rest.PostAsJsonAsync("/v1/products", new { displayName = new string('x', GatewayPlatform.MaxBody + 1) }, Cancel);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversized.StatusCode);
        var products = await rest.CallAsync(HttpMethod.Get, "/v1/products");
        Assert.Equal(0, products.TryGetProperty("products", out var list) ? list.GetArrayLength() : 0);
    }
}
