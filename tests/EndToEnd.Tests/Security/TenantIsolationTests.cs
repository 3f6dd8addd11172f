using Grpc.Core;
using Grpc.Core.Interceptors;
using Workspaces = Lodestar.Workspaces.V1;

namespace EndToEnd.Tests.Security;

/// <summary>
/// Tenant isolation and access over every RPC of the API, through the gateway: the tour (<see cref="TenantTour"/>)
/// makes every call as workspace B's admin and has bad credentials, a viewer and an intruder from workspace A try each
/// one first; a revoked API key then replays every call.
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed class TenantIsolationTests(PlatformFixture fixture, ITestOutputHelper output)
{
    private const string Owner = "tour-owner";
    private const string Intruder = "tour-intruder";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_rpc_keeps_workspaces_apart_refuses_bad_credentials_and_viewer_writes()
    {
        var workspaceB = await fixture.NewWorkspaceAsync(Owner);
        var workspaceA = await fixture.NewWorkspaceAsync(Intruder);
        var intruderKey = await CreateApiKeyAsync(Intruder, workspaceA, "intruder's integration");
        var parties = new TourParties(workspaceB, Owner, "tour-viewer", workspaceA, Intruder, intruderKey.Secret);
        var rpc = new DynamicRpc(fixture.Gateway.CreateCallInvoker());
        var tour = new TenantTour(rpc, parties);

        await tour.RunAsync(TourCorpus.Building(parties, DateTimeOffset.UtcNow).Concat(TourCorpus.Ending));
        output.WriteLine($"{tour.Covered.Count} RPCs toured with {tour.Calls} calls");

        Assert.True(tour.Findings.Count == 0, string.Join(Environment.NewLine, tour.Findings));
        var missing = RpcCatalog.Unary.Select(RpcCatalog.FullName).Where(m => !tour.Covered.Contains(m)).ToList();
        Assert.True(missing.Count == 0, "RPCs the tour does not call: " + string.Join(", ", missing));

        // A revoked key is refused on every RPC, by every replica, from the next call on.
        var key = await CreateApiKeyAsync(Owner, workspaceB, "revoked integration");
        var revoked = Credentials.ApiKey("a revoked API key of B", key.Secret, workspaceB);
        var first = tour.Recorded.First(r => r.Rpc.EndsWith("ProductService/GetProduct", StringComparison.Ordinal));
        Assert.Equal(StatusCode.OK, (await rpc.CallAsync(first.Method, first.Message, revoked)).Code);
        await new Workspaces.ApiKeyService.ApiKeyServiceClient(fixture.Invoker(Owner, workspaceB))
            .RevokeApiKeyAsync(new Workspaces.RevokeApiKeyRequest { Name = key.Name }, cancellationToken: Cancel);
        var accepted = new List<string>();
        foreach (var call in tour.Recorded.DistinctBy(r => r.Rpc))
        {
            var outcome = await rpc.CallAsync(call.Method, call.Message, revoked);
            if (outcome.Code != StatusCode.Unauthenticated) accepted.Add($"{call.Rpc}: {outcome}");
        }
        Assert.True(accepted.Count == 0, "Calls a revoked key was not refused: " + string.Join(Environment.NewLine, accepted));
    }

    [Fact]
    public async Task The_event_stream_refuses_other_workspaces_viewers_and_bad_credentials()
    {
        var workspaceB = await fixture.NewWorkspaceAsync(Owner);
        var workspaceA = await fixture.NewWorkspaceAsync(Intruder);
        await new Workspaces.WorkspaceService.WorkspaceServiceClient(fixture.Invoker(Owner, workspaceB)).CreateMemberAsync(new Workspaces.CreateMemberRequest
        {
            Parent = $"workspaces/{workspaceB}", Member = new Workspaces.Member { Subject = "stream-viewer", Role = Workspaces.Role.Viewer },
        }, cancellationToken: Cancel);
        var product = await new Lodestar.Strategy.V1.ProductService.ProductServiceClient(fixture.Invoker(Owner, workspaceB))
            .CreateProductAsync(new Lodestar.Strategy.V1.CreateProductRequest { Product = new() { DisplayName = "Streamed" } }, cancellationToken: Cancel);
        var accepted = await Eventually.GetAsync(() => StreamAsync(fixture.Invoker(Owner, workspaceB), product.Name, "owner"), r => r.Code == StatusCode.OK, seconds: 60);
        Assert.Equal(StatusCode.OK, accepted.Code);

        var answers = new Dictionary<string, StatusCode>
        {
            ["intruder at home"] = (await StreamAsync(fixture.Invoker(Intruder, workspaceA), product.Name, "intruder")).Code,
            ["intruder naming B"] = (await StreamAsync(fixture.Invoker(Intruder, workspaceB), product.Name, "intruder")).Code,
            ["viewer of B"] = (await StreamAsync(fixture.Invoker("stream-viewer", workspaceB), product.Name, "viewer")).Code,
        };
        foreach (var bad in BadTokens.For(workspaceB))
            answers[bad.Label] = (await StreamAsync(fixture.Gateway.Intercept(_ => bad.Headers()), product.Name, "bad")).Code;

        Assert.Equal(StatusCode.NotFound, answers["intruder at home"]);
        Assert.Equal(StatusCode.PermissionDenied, answers["intruder naming B"]);
        Assert.Equal(StatusCode.PermissionDenied, answers["viewer of B"]);
        Assert.All(BadTokens.For(workspaceB), bad => Assert.Equal(StatusCode.Unauthenticated, answers[bad.Label]));
    }

    private static async Task<RpcOutcome> StreamAsync(CallInvoker invoker, string product, string who)
    {
        try
        {
            using var call = new Lodestar.Metrics.V1.EventService.EventServiceClient(invoker).StreamEvents(deadline: DateTime.UtcNow.AddSeconds(30), cancellationToken: Cancel);
            try
            {
                await call.RequestStream.WriteAsync(new Lodestar.Metrics.V1.StreamEventsRequest
                {
                    Parent = product,
                    Events = { new Lodestar.Metrics.V1.Event { EventId = $"stream-{who}-{Guid.NewGuid():N}", UserId = who, EventName = "open", EventTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(DateTime.UtcNow) } },
                }, Cancel);
                await call.RequestStream.CompleteAsync();
            }
            catch (Exception ex) when (ex is RpcException or InvalidOperationException)
            {
                // The gateway refused the call before the request stream ended; the write side then sees the reset
                // stream (CANCELLED), while the call's answer is the status the gateway sent, read below.
            }
            return new RpcOutcome(StatusCode.OK, await call.ResponseAsync, "");
        }
        catch (RpcException ex)
        {
            return new RpcOutcome(ex.StatusCode, null, ex.Status.Detail);
        }
    }

    private async Task<(string Name, string Secret)> CreateApiKeyAsync(string admin, Guid workspace, string purpose)
    {
        var key = await new Workspaces.ApiKeyService.ApiKeyServiceClient(fixture.Invoker(admin, workspace)).CreateApiKeyAsync(new Workspaces.CreateApiKeyRequest
        {
            Parent = $"workspaces/{workspace}",
            ApiKey = new Workspaces.ApiKey { DisplayName = purpose, Role = Workspaces.Role.Editor },
        }, cancellationToken: Cancel);
        return (key.Name, key.Key);
    }
}
