using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Strategy = Lodestar.Strategy.V1;
using Workspaces = Lodestar.Workspaces.V1;

namespace EndToEnd.Tests.Security;

/// <summary>
/// Output-only fields sent in a request (status, archived, creator, etag, times, a chosen API-key secret) are not taken:
/// the server sets them, through the gateway as through any client (OWASP API3, mass assignment).
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed class MassAssignmentTests(PlatformFixture fixture)
{
    private const string Owner = "assignment-owner";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Output_only_fields_in_requests_are_set_by_the_server_not_the_caller()
    {
        var workspace = await fixture.NewWorkspaceAsync(Owner);
        var invoker = fixture.Invoker(Owner, workspace);
        var forged = new Lodestar.Common.V1.ResourceMetadata
        {
            Etag = "\"99\"", Creator = "mallory", CreateTime = Timestamp.FromDateTime(new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc)),
        };

        var product = await new Strategy.ProductService.ProductServiceClient(invoker).CreateProductAsync(new Strategy.CreateProductRequest
        {
            Product = new Strategy.Product { DisplayName = "Assigned", Archived = true, Metadata = forged },
        }, cancellationToken: Cancel);
        Assert.False(product.Archived);
        Assert.Equal((Owner, "\"1\""), (product.Metadata.Creator, product.Metadata.Etag));
        Assert.True(product.Metadata.CreateTime.ToDateTime() > DateTime.UtcNow.AddMinutes(-5));

        var kpis = new Strategy.KpiService.KpiServiceClient(invoker);
        var kpi = await kpis.CreateKpiAsync(new Strategy.CreateKpiRequest
        {
            Kpi = new Strategy.Kpi
            {
                Product = product.Name, DisplayName = "Weekly users", MetricKey = "wau", Direction = Strategy.KpiDirection.Up, Target = 10,
                Status = Strategy.KpiStatus.OnTrack, LatestValue = 1_000, Metadata = forged,
            },
        }, cancellationToken: Cancel);
        Assert.Equal(Strategy.KpiStatus.NoData, kpi.Status);
        Assert.False(kpi.HasLatestValue);
        Assert.Equal(Owner, kpi.Metadata.Creator);

        // Naming an output-only field in an update mask is refused, and changes nothing.
        var refused = await Assert.ThrowsAsync<RpcException>(() => kpis.UpdateKpiAsync(new Strategy.UpdateKpiRequest
        {
            Kpi = new Strategy.Kpi { Name = kpi.Name, Status = Strategy.KpiStatus.OnTrack },
            UpdateMask = FieldMask.FromString("status"),
        }, cancellationToken: Cancel).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal(kpi.Metadata.Etag, (await kpis.GetKpiAsync(new Strategy.GetKpiRequest { Name = kpi.Name }, cancellationToken: Cancel)).Metadata.Etag);

        const string chosen = "lsk_attacker0_chosen-secret-0123456789abcdefghijklmnopqrstuv";
        var key = await new Workspaces.ApiKeyService.ApiKeyServiceClient(invoker).CreateApiKeyAsync(new Workspaces.CreateApiKeyRequest
        {
            Parent = $"workspaces/{workspace}", ApiKey = new Workspaces.ApiKey { DisplayName = "Assigned", Role = Workspaces.Role.Editor, Key = chosen },
        }, cancellationToken: Cancel);
        Assert.NotEqual(chosen, key.Key);
        var withChosen = Credentials.ApiKey("a chosen secret", chosen, workspace);
        var rpc = new DynamicRpc(fixture.Gateway.CreateCallInvoker());
        var call = await rpc.CallAsync(RpcCatalog.Find("lodestar.strategy.v1.ProductService/GetProduct"), new Strategy.GetProductRequest { Name = product.Name }, withChosen);
        Assert.Equal(StatusCode.Unauthenticated, call.Code);
    }
}
