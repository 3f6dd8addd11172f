using System.Net;
using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using Lodestar.Security;
using Gateway.FunctionalTests.Infrastructure;
using Metrics = Lodestar.Metrics.V1;
using Strategy = Lodestar.Strategy.V1;
using Workspaces = Lodestar.Workspaces.V1;

namespace Gateway.FunctionalTests.Routing;

/// <summary>One address in front of the services: gRPC (unary and streaming) and REST reach the right one.</summary>
public sealed class GatewayRoutingTests(GatewayPlatform platform) : IClassFixture<GatewayPlatform>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Grpc_and_rest_calls_reach_each_service_through_the_gateway()
    {
        var workspace = await platform.NewWorkspaceAsync();
        var products = new Strategy.ProductService.ProductServiceClient(platform.Invoker(workspace));
        var product = await products.CreateProductAsync(new Strategy.CreateProductRequest { Product = new Strategy.Product { DisplayName = "Through the gateway" } }, cancellationToken: Cancel);
        using var rest = platform.Rest(workspace);

        var read = await rest.CallAsync(HttpMethod.Get, $"/v1/{product.Name}");
        Assert.Equal("Through the gateway", read.Str("displayName"));

        // Strategy announces the product to metrics over the broker; metrics answers through the gateway once it knows it.
        var activity = new Metrics.ActivityService.ActivityServiceClient(platform.Invoker(workspace));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var date = new Google.Type.Date { Year = today.Year, Month = today.Month, Day = today.Day };
        await Eventually.GetAsync(() => activity.GetActivityAsync(new Metrics.GetActivityRequest { Product = product.Name, StartDate = date, EndDate = date }, cancellationToken: Cancel).ResponseAsync, _ => true);
        await rest.CallAsync(HttpMethod.Post, $"/v1/{product.Name}/events:track", new
        {
            @event = new { eventId = "via-rest", userId = "u1", eventName = "open", eventTime = DateTime.UtcNow.ToString("O") },
        });
        using (var stream = new Metrics.EventService.EventServiceClient(platform.Invoker(workspace)).StreamEvents(cancellationToken: Cancel))
        {
            for (var batch = 0; batch < 3; batch++)
            {
                await stream.RequestStream.WriteAsync(new Metrics.StreamEventsRequest
                {
                    Parent = product.Name,
                    Events = { Enumerable.Range(0, 100).Select(i => new Metrics.Event { EventId = $"s{batch}-{i}", UserId = $"user-{i}", EventName = "open", EventTime = Timestamp.FromDateTime(DateTime.UtcNow) }) },
                }, Cancel);
            }
            await stream.RequestStream.CompleteAsync();
            Assert.Equal(300, (await stream).AcceptedCount);
        }
        var report = await rest.CallAsync(HttpMethod.Get,
            $"/v1/{product.Name}/activity?startDate.year={today.Year}&startDate.month={today.Month}&startDate.day={today.Day}&endDate.year={today.Year}&endDate.month={today.Month}&endDate.day={today.Day}");
        Assert.Equal(101, report.GetProperty("days")[0].GetProperty("dailyActiveUsers").GetInt64());
    }

    [Fact]
    public async Task Errors_of_the_services_pass_through_and_unknown_paths_are_not_found()
    {
        var anonymous = new Strategy.ProductService.ProductServiceClient(platform.Channel);
        var workspace = await platform.NewWorkspaceAsync();
        using var rest = platform.Rest(workspace);

        await Rpc.FailsAsync(StatusCode.Unauthenticated, anonymous.ListProductsAsync(new Strategy.ListProductsRequest(), cancellationToken: Cancel));
        await Rpc.InvalidAsync(new Strategy.ProductService.ProductServiceClient(platform.Invoker(workspace))
            .CreateProductAsync(new Strategy.CreateProductRequest { Product = new Strategy.Product() }, cancellationToken: Cancel), "product.display_name");
        using var missing = await rest.GetAsync(new Uri("/v1/nothing-here", UriKind.Relative), Cancel);
        using var wrongMethod = await rest.DeleteAsync(new Uri("/v1/products", UriKind.Relative), Cancel);
        using var notFound = await rest.GetAsync(new Uri($"/v1/products/{Guid.NewGuid()}", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.True(wrongMethod.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"{wrongMethod.StatusCode}");
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Contains("\"code\": 5", (await notFound.Content.ReadAsStringAsync(Cancel)).Replace("\"code\":5", "\"code\": 5", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_that_does_not_answer_degrades_health_but_leaves_the_gateway_ready()
    {
        // Discovery configured but not running: a readiness probe on /health must not take the gateway out of rotation.
        var nobody = $"http://127.0.0.1:{Lodestar.LocalInfrastructure.FreePort.Next()}";
        await using var gateway = await platform.StartGatewayAsync(Directory.CreateTempSubdirectory("lodestar-gateway-degraded-").FullName,
            new Dictionary<string, string?> { ["services:discovery:http:0"] = nobody, ["services:discovery:grpc:0"] = nobody });
        using var http = new HttpClient { BaseAddress = gateway.HttpAddress };

        using var response = await http.GetAsync(new Uri("/health", UriKind.Relative), Cancel);
        var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Degraded", health.GetProperty("status").GetString());
        var backends = health.GetProperty("backends");
        Assert.Equal("Degraded", backends.GetProperty("discovery").GetProperty("status").GetString());
        Assert.StartsWith("Not answering", backends.GetProperty("discovery").GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Healthy", backends.GetProperty("strategy").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Every_endpoint_discovery_lists_is_a_destination_and_one_not_answering_is_taken_out()
    {
        // The first endpoint listed answers nothing: a resolver that kept only it would fail every call.
        var nobody = $"http://127.0.0.1:{Lodestar.LocalInfrastructure.FreePort.Next()}";
        await using var gateway = await platform.StartGatewayAsync(Directory.CreateTempSubdirectory("lodestar-gateway-endpoints-").FullName,
            new Dictionary<string, string?>
            {
                ["services:strategy:grpc:0"] = nobody,
                ["services:strategy:grpc:1"] = platform.Strategy.GrpcAddress.ToString(),
                ["services:strategy:http:0"] = nobody,
                ["services:strategy:http:1"] = platform.Strategy.HttpAddress.ToString(),
            });
        using var channel = GrpcChannel.ForAddress(gateway.GrpcAddress);
        var authorization = "Bearer " + GatewayPlatform.UserToken("pm");
        var created = await new Workspaces.WorkspaceService.WorkspaceServiceClient(GatewayPlatform.Invoker(channel, authorization, null))
            .CreateWorkspaceAsync(new Workspaces.CreateWorkspaceRequest { Workspace = new Workspaces.Workspace { DisplayName = "Two endpoints" } }, cancellationToken: Cancel);
        var workspace = Guid.Parse(created.Name["workspaces/".Length..]);
        var products = new Strategy.ProductService.ProductServiceClient(GatewayPlatform.Invoker(channel, authorization, workspace));
        using var rest = new HttpClient { BaseAddress = gateway.HttpAddress };
        rest.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", GatewayPlatform.UserToken("pm"));
        rest.DefaultRequestHeaders.Add(LodestarClaims.WorkspaceHeader, workspace.ToString());

        // Active probes (every second here) and failed calls mark the silent endpoint; from then on every call lands.
        await Eventually.ReachesAsync(async () =>
        {
            var answered = 0;
            for (var call = 0; call < 10; call++)
            {
                try
                {
                    await products.ListProductsAsync(new Strategy.ListProductsRequest(), deadline: DateTime.UtcNow.AddSeconds(5), cancellationToken: Cancel);
                    using var response = await rest.GetAsync(new Uri("/v1/products", UriKind.Relative), Cancel);
                    if (response.IsSuccessStatusCode) answered++;
                }
                catch (RpcException)
                {
                    // The silent endpoint, not yet taken out.
                }
            }
            return answered;
        }, answered => answered == 10, TimeSpan.FromSeconds(30), "ten gRPC and REST calls in a row answered");
    }

    [Fact]
    public async Task Health_reports_each_backend_by_name()
    {
        using var http = new HttpClient { BaseAddress = platform.Gateway.HttpAddress };

        var body = await http.GetStringAsync(new Uri("/health", UriKind.Relative), Cancel);
        var health = JsonDocument.Parse(body).RootElement;

        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        Assert.Equal(["metrics", "strategy"], health.GetProperty("backends").EnumerateObject().Select(p => p.Name).Order());
        Assert.All(health.GetProperty("backends").EnumerateObject(), b => Assert.Equal("Healthy", b.Value.GetProperty("status").GetString()));
        Assert.Equal(["gatewaydb", "redis"], health.GetProperty("dependencies").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/alive", UriKind.Relative), Cancel)).StatusCode);
    }
}
