using System.Net;
using Google.Rpc;
using Grpc.Core;
using Grpc.Net.Client;
using Lodestar.LocalInfrastructure;
using Gateway.FunctionalTests.Infrastructure;
using Strategy = Lodestar.Strategy.V1;

namespace Gateway.FunctionalTests.Access;

/// <summary>Per-workspace token buckets, shared by gateway replicas through Redis, kept per replica while Redis is away.</summary>
public sealed class RateLimitTests(GatewayPlatform platform) : IClassFixture<GatewayPlatform>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_replicas_draw_from_one_bucket_per_workspace()
    {
        var limited = await platform.NewWorkspaceAsync(id: platform.LimitedWorkspace);
        var other = await platform.NewWorkspaceAsync();
        var replica = await platform.ReplicaAsync();
        var first = new Strategy.ProductService.ProductServiceClient(platform.Invoker(limited));
        var second = new Strategy.ProductService.ProductServiceClient(platform.Invoker(limited, channel: replica));
        var list = new Strategy.ListProductsRequest();

        for (var i = 0; i < GatewayPlatform.LimitedBurst; i++)
            await (i % 2 == 0 ? first : second).ListProductsAsync(list, cancellationToken: Cancel);
        var error = await Rpc.FailsAsync(StatusCode.ResourceExhausted, second.ListProductsAsync(list, cancellationToken: Cancel));
        using var rest = platform.Rest(limited);
        using var refused = await rest.GetAsync(new Uri("/v1/products", UriKind.Relative), Cancel);
        await new Strategy.ProductService.ProductServiceClient(platform.Invoker(other, channel: replica)).ListProductsAsync(list, cancellationToken: Cancel);

        var retry = error.GetRpcStatus()!.GetDetail<RetryInfo>()!.RetryDelay.ToTimeSpan();
        Assert.InRange(retry, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(100));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(100));
    }

    [Fact]
    public async Task Without_redis_each_replica_still_enforces_the_limit_on_its_own()
    {
        var workspace = Guid.NewGuid();
        await platform.NewWorkspaceAsync(id: workspace);
        await using var isolated = await platform.StartGatewayAsync(Directory.CreateTempSubdirectory("lodestar-gateway-noredis-").FullName, new Dictionary<string, string?>
        {
            ["ConnectionStrings:redis"] = $"127.0.0.1:{FreePort.Next()},connectTimeout=200",
            [$"Gateway:RateLimits:Workspaces:{workspace}:PermitsPerSecond"] = "0.01",
            [$"Gateway:RateLimits:Workspaces:{workspace}:Burst"] = "2",
        });
        using var channel = GrpcChannel.ForAddress(isolated.GrpcAddress);
        var products = new Strategy.ProductService.ProductServiceClient(platform.Invoker(workspace, channel: channel));

        await products.ListProductsAsync(new Strategy.ListProductsRequest(), cancellationToken: Cancel);
        await products.ListProductsAsync(new Strategy.ListProductsRequest(), cancellationToken: Cancel);
        await Rpc.FailsAsync(StatusCode.ResourceExhausted, products.ListProductsAsync(new Strategy.ListProductsRequest(), cancellationToken: Cancel));
    }
}
