using System.Net;
using Grpc.Core;
using Gateway.FunctionalTests.Infrastructure;
using Lodestar.Gateway.Access;
using Lodestar.Gateway.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Strategy = Lodestar.Strategy.V1;
using Workspaces = Lodestar.Workspaces.V1;

namespace Gateway.FunctionalTests.Access;

/// <summary>API keys: shown once, stored hashed, scoped to one workspace and role, revoked everywhere at once.</summary>
public sealed class ApiKeyTests(GatewayPlatform platform) : IClassFixture<GatewayPlatform>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private Workspaces.ApiKeyService.ApiKeyServiceClient Keys => new(platform.Invoker());

    private async Task<Workspaces.ApiKey> CreateKeyAsync(Guid workspace, Workspaces.Role role = Workspaces.Role.Editor) =>
        await Keys.CreateApiKeyAsync(new Workspaces.CreateApiKeyRequest
        {
            Parent = $"workspaces/{workspace}",
            ApiKey = new Workspaces.ApiKey { DisplayName = "Zendesk import", Role = role },
        }, cancellationToken: Cancel);

    [Fact]
    public async Task A_key_is_shown_once_stored_hashed_and_acts_in_its_workspace_with_its_role()
    {
        var workspace = await platform.NewWorkspaceAsync();
        var key = await CreateKeyAsync(workspace);

        var products = new Strategy.ProductService.ProductServiceClient(platform.KeyInvoker(key.Key));
        var product = await products.CreateProductAsync(new Strategy.CreateProductRequest { Product = new Strategy.Product { DisplayName = "Via key" } }, cancellationToken: Cancel);
        var asBearer = new Strategy.ProductService.ProductServiceClient(GatewayPlatform.Invoker(platform.Channel, "Bearer " + key.Key, workspace));
        var listed = await asBearer.ListProductsAsync(new Strategy.ListProductsRequest(), cancellationToken: Cancel);
        using var rest = new HttpClient { BaseAddress = platform.Gateway.HttpAddress };
        rest.DefaultRequestHeaders.Add("x-api-key", key.Key);
        var read = await rest.CallAsync(HttpMethod.Get, $"/v1/{product.Name}");

        Assert.StartsWith("lsk_", key.Key, StringComparison.Ordinal);
        Assert.Equal(key.Key[..12], key.KeyPrefix);
        Assert.Equal($"apikey:{key.Name.Split('/')[^1]}", product.Metadata.Creator);
        Assert.Equal("Via key", Assert.Single(listed.Products).DisplayName);
        Assert.Equal("Via key", read.Str("displayName"));

        var fetched = await Keys.GetApiKeyAsync(new Workspaces.GetApiKeyRequest { Name = key.Name }, cancellationToken: Cancel);
        Assert.Equal("", fetched.Key);
        var used = await Eventually.GetAsync(
            async () => (await Keys.ListApiKeysAsync(new Workspaces.ListApiKeysRequest { Parent = $"workspaces/{workspace}" }, cancellationToken: Cancel)).ApiKeys.Single(),
            k => k.LastUseTime is not null);
        Assert.Equal("", used.Key);
        Assert.Equal(key.KeyPrefix, used.KeyPrefix);
        Assert.InRange(used.LastUseTime.ToDateTime(), DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddSeconds(5));

        await using var scope = platform.Gateway.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<GatewayDbContext>().ApiKeys.AsNoTracking().SingleAsync(k => k.WorkspaceId == workspace, Cancel);
        Assert.Equal(ApiKeySecrets.Hash(key.Key), stored.Hash);
        Assert.DoesNotContain(key.Key[12..], stored.Hash + stored.Prefix + stored.DisplayName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_viewer_key_reads_but_cannot_write_and_no_key_manages_the_workspace()
    {
        var workspace = await platform.NewWorkspaceAsync();
        var key = await CreateKeyAsync(workspace, Workspaces.Role.Viewer);
        var products = new Strategy.ProductService.ProductServiceClient(platform.KeyInvoker(key.Key, workspace));

        await products.ListProductsAsync(new Strategy.ListProductsRequest(), cancellationToken: Cancel);
        await Rpc.FailsAsync(StatusCode.PermissionDenied, products.CreateProductAsync(new Strategy.CreateProductRequest { Product = new Strategy.Product { DisplayName = "No" } }, cancellationToken: Cancel));
        await Rpc.FailsAsync(StatusCode.PermissionDenied, new Workspaces.ApiKeyService.ApiKeyServiceClient(platform.KeyInvoker(key.Key))
            .CreateApiKeyAsync(new Workspaces.CreateApiKeyRequest { Parent = $"workspaces/{workspace}", ApiKey = new Workspaces.ApiKey { DisplayName = "Escalation", Role = Workspaces.Role.Editor } }, cancellationToken: Cancel));
        await Rpc.InvalidAsync(Keys.CreateApiKeyAsync(new Workspaces.CreateApiKeyRequest { Parent = $"workspaces/{workspace}", ApiKey = new Workspaces.ApiKey { Role = Workspaces.Role.Admin } }, cancellationToken: Cancel),
            "api_key.display_name", "api_key.role");
    }

    [Fact]
    public async Task Only_the_workspace_admins_see_and_manage_its_keys()
    {
        var workspace = await platform.NewWorkspaceAsync();
        var key = await CreateKeyAsync(workspace);
        var editor = $"editor-{Guid.NewGuid():N}";
        await platform.AddMemberAsync(workspace, editor, Workspaces.Role.Editor);

        var asEditor = new Workspaces.ApiKeyService.ApiKeyServiceClient(platform.Invoker(subject: editor));
        var asOutsider = new Workspaces.ApiKeyService.ApiKeyServiceClient(platform.Invoker(subject: "outsider"));
        await Rpc.FailsAsync(StatusCode.PermissionDenied, asEditor.ListApiKeysAsync(new Workspaces.ListApiKeysRequest { Parent = $"workspaces/{workspace}" }, cancellationToken: Cancel));
        await Rpc.FailsAsync(StatusCode.NotFound, asOutsider.RevokeApiKeyAsync(new Workspaces.RevokeApiKeyRequest { Name = key.Name }, cancellationToken: Cancel));
        await Rpc.FailsAsync(StatusCode.NotFound, Keys.GetApiKeyAsync(new Workspaces.GetApiKeyRequest { Name = $"workspaces/{workspace}/apiKeys/{Guid.NewGuid()}" }, cancellationToken: Cancel));
    }

    [Fact]
    public async Task A_key_used_on_another_workspace_is_refused()
    {
        var mine = await platform.NewWorkspaceAsync();
        var other = await platform.NewWorkspaceAsync();
        var key = await CreateKeyAsync(mine);

        var products = new Strategy.ProductService.ProductServiceClient(platform.KeyInvoker(key.Key, other));
        var error = await Rpc.FailsAsync(StatusCode.PermissionDenied, products.ListProductsAsync(new Strategy.ListProductsRequest(), cancellationToken: Cancel));
        using var rest = new HttpClient { BaseAddress = platform.Gateway.HttpAddress };
        rest.DefaultRequestHeaders.Add("x-api-key", key.Key);
        rest.DefaultRequestHeaders.Add("x-workspace-id", other.ToString());
        using var response = await rest.GetAsync(new Uri("/v1/products", UriKind.Relative), Cancel);

        Assert.Contains("another workspace", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_at_once_by_every_gateway_replica()
    {
        var workspace = await platform.NewWorkspaceAsync();
        var key = await CreateKeyAsync(workspace);
        var replica = await platform.ReplicaAsync();
        var throughReplica = new Strategy.ProductService.ProductServiceClient(platform.KeyInvoker(key.Key, channel: replica));
        var throughFirst = new Strategy.ProductService.ProductServiceClient(platform.KeyInvoker(key.Key));
        await throughReplica.ListProductsAsync(new Strategy.ListProductsRequest(), cancellationToken: Cancel); // cached as active
        await throughFirst.ListProductsAsync(new Strategy.ListProductsRequest(), cancellationToken: Cancel);

        var revoked = await Keys.RevokeApiKeyAsync(new Workspaces.RevokeApiKeyRequest { Name = key.Name }, cancellationToken: Cancel);
        var again = await Keys.RevokeApiKeyAsync(new Workspaces.RevokeApiKeyRequest { Name = key.Name }, cancellationToken: Cancel);

        Assert.NotNull(revoked.RevokeTime);
        Assert.Equal(revoked.RevokeTime, again.RevokeTime);
        await Rpc.FailsAsync(StatusCode.Unauthenticated, throughReplica.ListProductsAsync(new Strategy.ListProductsRequest(), cancellationToken: Cancel));
        await Rpc.FailsAsync(StatusCode.Unauthenticated, throughFirst.ListProductsAsync(new Strategy.ListProductsRequest(), cancellationToken: Cancel));
    }
}
