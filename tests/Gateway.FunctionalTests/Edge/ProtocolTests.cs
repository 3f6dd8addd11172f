using System.Net;
using System.Net.Http.Headers;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Reflection.V1;
using Gateway.FunctionalTests.Infrastructure;
using Lodestar.Security;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;
using Metrics = Lodestar.Metrics.V1;
using Strategy = Lodestar.Strategy.V1;

namespace Gateway.FunctionalTests.Edge;

/// <summary>What the gateway does with gRPC itself: reflection, timeouts, health of destinations, malformed frames.</summary>
public sealed class ProtocolTests(GatewayPlatform platform) : IClassFixture<GatewayPlatform>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reflection_lists_every_service_behind_the_gateway_without_credentials()
    {
        using var call = new ServerReflection.ServerReflectionClient(platform.Channel).ServerReflectionInfo(cancellationToken: Cancel);
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" }, Cancel);
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { FileContainingSymbol = "lodestar.metrics.v1.EventService" }, Cancel);
        await call.RequestStream.CompleteAsync();
        var responses = new List<ServerReflectionResponse>();
        await foreach (var response in call.ResponseStream.ReadAllAsync(Cancel)) responses.Add(response);

        var services = responses[0].ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains("lodestar.strategy.v1.ProductService", services);
        Assert.Contains("lodestar.backlog.v1.BacklogItemService", services);
        Assert.Contains("lodestar.workspaces.v1.ApiKeyService", services);
        Assert.NotEmpty(responses[1].FileDescriptorResponse.FileDescriptorProto);
    }

    [Fact]
    public async Task A_call_over_its_route_timeout_is_deadline_exceeded_and_streams_have_none()
    {
        var workspace = await platform.NewWorkspaceAsync();
        var funnels = new Metrics.FunnelService.FunnelServiceClient(platform.Invoker(workspace));
        using var rest = platform.Rest(workspace);

        await Rpc.FailsAsync(StatusCode.DeadlineExceeded, funnels.ListFunnelsAsync(new Metrics.ListFunnelsRequest { Parent = $"products/{Guid.NewGuid()}" }, cancellationToken: Cancel));
        using var response = await rest.GetAsync(new Uri($"/v1/products/{Guid.NewGuid()}/funnels", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);

        // A client stream that stays quiet between batches is not cut.
        var product = await new Strategy.ProductService.ProductServiceClient(platform.Invoker(workspace))
            .CreateProductAsync(new Strategy.CreateProductRequest { Product = new Strategy.Product { DisplayName = "Quiet stream" } }, cancellationToken: Cancel);
        var events = new Metrics.EventService.EventServiceClient(platform.Invoker(workspace));
        await Eventually.GetAsync(async () =>
        {
            using var stream = events.StreamEvents(cancellationToken: Cancel);
            await stream.RequestStream.WriteAsync(Batch(product.Name, "a"), Cancel);
            await Task.Delay(1500, Cancel);
            await stream.RequestStream.WriteAsync(Batch(product.Name, "b"), Cancel);
            await stream.RequestStream.CompleteAsync();
            return (await stream).AcceptedCount;
        }, accepted => accepted == 2);
    }

    [Fact]
    public async Task Every_destination_is_probed_and_healthy()
    {
        var lookup = platform.Gateway.Services.GetRequiredService<IProxyStateLookup>();

        var clusters = await Eventually.GetAsync(() => Task.FromResult(lookup.GetClusters().ToList()),
            all => all.Count == 4 && all.All(c => c.Destinations.Values.All(d => d.Health.Active == DestinationHealth.Healthy)));

        Assert.Equal(["metrics-grpc", "metrics-http", "strategy-grpc", "strategy-http"], clusters.Select(c => c.ClusterId).Order());
    }

    public static TheoryData<string, byte[]> MalformedBodies => new()
    {
        { "truncated frame header", [0, 0, 0] },
        { "frame longer than the body", [0, 0, 0, 0, 100, 1, 2, 3] },
        { "invalid protobuf", [0, 0, 0, 0, 4, 0xFF, 0xFF, 0xFF, 0xFF] },
        { "compressed without an encoding", [1, 0, 0, 0, 1, 0] },
        { "two messages for a unary call", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0] },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Malformed_grpc_frames_get_a_defined_status_never_internal(string shape, byte[] body)
    {
        var workspace = await platform.NewWorkspaceAsync();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(platform.Gateway.GrpcAddress, "/lodestar.strategy.v1.ProductService/CreateProduct"))
        {
            Content = new ByteArrayContent(body),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.Add("te", "trailers");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", GatewayPlatform.UserToken("pm"));
        request.Headers.Add(LodestarClaims.WorkspaceHeader, workspace.ToString());

        using var response = await http.SendAsync(request, Cancel);
        await response.Content.ReadAsByteArrayAsync(Cancel);
        var status = response.TrailingHeaders.TryGetValues("grpc-status", out var trailer) ? trailer.Single()
            : response.Headers.TryGetValues("grpc-status", out var header) ? header.Single() : $"http {(int)response.StatusCode}";

        Assert.True(status is "3" or "8" or "12", $"{shape}: grpc-status {status} {response.Version} {string.Join(";", response.Headers.Select(h => h.Key + "=" + string.Join(",", h.Value)))} {string.Join(";", response.Content.Headers.Select(h => h.Key + "=" + string.Join(",", h.Value)))} {await response.Content.ReadAsStringAsync(Cancel)}");
        var products = await new Strategy.ProductService.ProductServiceClient(platform.Invoker(workspace)).ListProductsAsync(new Strategy.ListProductsRequest(), cancellationToken: Cancel);
        Assert.Empty(products.Products);
    }

    [Fact]
    public async Task An_oversized_grpc_message_is_resource_exhausted_before_any_service()
    {
        var workspace = await platform.NewWorkspaceAsync();
        var products = new Strategy.ProductService.ProductServiceClient(platform.Invoker(workspace));

        await Rpc.FailsAsync(StatusCode.ResourceExhausted, products.CreateProductAsync(new Strategy.CreateProductRequest
        {
            Product = new Strategy.Product { DisplayName = new string('x', GatewayPlatform.MaxBody + 10) },
        }, cancellationToken: Cancel));
        Assert.Empty((await products.ListProductsAsync(new Strategy.ListProductsRequest(), cancellationToken: Cancel)).Products);
    }

    private static Metrics.StreamEventsRequest Batch(string product, string id) => new()
    {
        Parent = product,
        Events = { new Metrics.Event { EventId = id, UserId = "u1", EventName = "open", EventTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(DateTime.UtcNow) } },
    };
}
