using System.Net;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Web;
using Gateway.FunctionalTests.Infrastructure;
using Strategy = Lodestar.Strategy.V1;

namespace Gateway.FunctionalTests.Edge;

/// <summary>Browsers: gRPC-Web over HTTP/1.1 (binary and text) and CORS for the configured origins only.</summary>
public sealed class BrowserTests(GatewayPlatform platform) : IClassFixture<GatewayPlatform>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(GrpcWebMode.GrpcWeb)]
    [InlineData(GrpcWebMode.GrpcWebText)]
    public async Task Grpc_web_calls_reach_the_services_and_carry_their_statuses(GrpcWebMode mode)
    {
        var workspace = await platform.NewWorkspaceAsync();
        using var channel = GrpcChannel.ForAddress(platform.Gateway.HttpAddress, new GrpcChannelOptions
        {
            HttpHandler = new GrpcWebHandler(mode, new HttpClientHandler()),
            HttpVersion = HttpVersion.Version11,
            HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        });
        var products = new Strategy.ProductService.ProductServiceClient(platform.Invoker(workspace, channel: channel));

        var created = await products.CreateProductAsync(new Strategy.CreateProductRequest { Product = new Strategy.Product { DisplayName = $"Web {mode}" } }, cancellationToken: Cancel);
        var read = await products.GetProductAsync(new Strategy.GetProductRequest { Name = created.Name }, cancellationToken: Cancel);

        Assert.Equal($"Web {mode}", read.DisplayName);
        await Rpc.FailsAsync(StatusCode.NotFound, products.GetProductAsync(new Strategy.GetProductRequest { Name = $"products/{Guid.NewGuid()}" }, cancellationToken: Cancel));
        await Rpc.FailsAsync(StatusCode.PermissionDenied, new Strategy.ProductService.ProductServiceClient(platform.Invoker(workspace, "stranger", channel))
            .ListProductsAsync(new Strategy.ListProductsRequest(), cancellationToken: Cancel));
    }

    [Fact]
    public async Task Only_configured_origins_get_cors_answers()
    {
        using var http = new HttpClient { BaseAddress = platform.Gateway.HttpAddress };

        using var allowed = await http.SendAsync(Preflight(GatewayPlatform.AllowedOrigin), Cancel);
        using var other = await http.SendAsync(Preflight("https://evil.example"), Cancel);

        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Equal(GatewayPlatform.AllowedOrigin, allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("x-workspace-id", allowed.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.OrdinalIgnoreCase);
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/v1/products", UriKind.Relative));
        request.Headers.Add("Origin", GatewayPlatform.AllowedOrigin);
        using var refused = await http.SendAsync(request, Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("grpc-status", refused.Headers.GetValues("Access-Control-Expose-Headers").Single(), StringComparison.Ordinal);
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, new Uri("/lodestar.strategy.v1.ProductService/ListProducts", UriKind.Relative));
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type,x-grpc-web,authorization,x-workspace-id");
        return request;
    }
}
