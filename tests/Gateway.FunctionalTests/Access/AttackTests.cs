using System.Net;
using System.Security.Claims;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Gateway.FunctionalTests.Infrastructure;
using Lodestar.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Strategy = Lodestar.Strategy.V1;

namespace Gateway.FunctionalTests.Access;

/// <summary>
/// Credentials and requests an attacker would try. Each gets its own status, never INTERNAL, and none reaches a
/// service: the write each one attempts leaves the workspace empty.
/// </summary>
public sealed class AttackTests(GatewayPlatform platform) : IClassFixture<GatewayPlatform>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<string, StatusCode> ForgedCredentials => new()
    {
        { "missing", StatusCode.Unauthenticated },
        { "expired", StatusCode.Unauthenticated },
        { "wrong-signature", StatusCode.Unauthenticated },
        { "wrong-audience", StatusCode.Unauthenticated },
        { "wrong-issuer", StatusCode.Unauthenticated },
        { "service-token", StatusCode.Unauthenticated },
        { "garbage", StatusCode.Unauthenticated },
        { "unknown-api-key", StatusCode.Unauthenticated },
        { "not-a-member", StatusCode.PermissionDenied },
    };

    [Theory]
    [MemberData(nameof(ForgedCredentials))]
    public async Task Forged_or_foreign_credentials_are_refused_before_any_service(string credential, StatusCode expected)
    {
        var workspace = await platform.NewWorkspaceAsync();
        var authorization = Authorization(credential, workspace);
        var products = new Strategy.ProductService.ProductServiceClient(authorization is null
            ? platform.Channel.Intercept(m => { m.Add(LodestarClaims.WorkspaceHeader, workspace.ToString()); return m; })
            : GatewayPlatform.Invoker(platform.Channel, authorization, workspace));
        using var rest = new HttpClient { BaseAddress = platform.Gateway.HttpAddress };
        if (authorization is not null) rest.DefaultRequestHeaders.TryAddWithoutValidation("authorization", authorization);
        rest.DefaultRequestHeaders.Add(LodestarClaims.WorkspaceHeader, workspace.ToString());

        await Rpc.FailsAsync(expected, products.CreateProductAsync(new Strategy.CreateProductRequest { Product = new Strategy.Product { DisplayName = "grpc" } }, cancellationToken: Cancel));
        using var response = await rest.PostAsync(new Uri("/v1/products", UriKind.Relative),
            new StringContent("""{"displayName":"rest"}""", System.Text.Encoding.UTF8, "application/json"), Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(expected == StatusCode.Unauthenticated ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains($"\"code\": {(int)expected}", body.Replace($"\"code\":{(int)expected}", $"\"code\": {(int)expected}", StringComparison.Ordinal), StringComparison.Ordinal);
        var listed = await new Strategy.ProductService.ProductServiceClient(platform.Invoker(workspace)).ListProductsAsync(new Strategy.ListProductsRequest(), cancellationToken: Cancel);
        Assert.Empty(listed.Products);
    }

    [Fact]
    public async Task A_missing_or_malformed_workspace_is_invalid_and_an_expired_token_says_so()
    {
        var noWorkspace = new Strategy.ProductService.ProductServiceClient(platform.Invoker());
        var badWorkspace = new Strategy.ProductService.ProductServiceClient(GatewayPlatform.Invoker(platform.Channel, "Bearer " + GatewayPlatform.UserToken("pm"), null)
            .Intercept(m => { m.Add(LodestarClaims.WorkspaceHeader, "not-a-uuid"); return m; }));
        var expired = new Strategy.ProductService.ProductServiceClient(GatewayPlatform.Invoker(platform.Channel, Authorization("expired", Guid.NewGuid())!, Guid.NewGuid()));

        await Rpc.InvalidAsync(noWorkspace.ListProductsAsync(new Strategy.ListProductsRequest(), cancellationToken: Cancel), LodestarClaims.WorkspaceHeader);
        await Rpc.InvalidAsync(badWorkspace.ListProductsAsync(new Strategy.ListProductsRequest(), cancellationToken: Cancel), LodestarClaims.WorkspaceHeader);
        var error = await Rpc.FailsAsync(StatusCode.Unauthenticated, expired.ListProductsAsync(new Strategy.ListProductsRequest(), cancellationToken: Cancel));
        Assert.Contains("expired", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_is_a_bad_request()
    {
        using var rest = platform.Rest(await platform.NewWorkspaceAsync());

        using var truncated = await rest.PostAsync(new Uri("/v1/products", UriKind.Relative),
            new StringContent("""{"displayName": "x""", System.Text.Encoding.UTF8, "application/json"), Cancel);
        using var wrongType = await rest.PostAsync(new Uri("/v1/products", UriKind.Relative),
            new StringContent("""{"displayName": 42}""", System.Text.Encoding.UTF8, "application/json"), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, truncated.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
    }

    private static string? Authorization(string credential, Guid workspace) => credential switch
    {
        "missing" => null,
        "expired" => "Bearer " + Token(GatewayPlatform.UserSigningKey, GatewayPlatform.UserIssuer, DevTokenIssuer.DefaultAudience, DateTime.UtcNow.AddHours(-1)),
        "wrong-signature" => "Bearer " + Token("an-attackers-own-signing-key-0123456789abcdef", GatewayPlatform.UserIssuer, DevTokenIssuer.DefaultAudience, DateTime.UtcNow.AddHours(1)),
        "wrong-audience" => "Bearer " + Token(GatewayPlatform.UserSigningKey, GatewayPlatform.UserIssuer, "another-api", DateTime.UtcNow.AddHours(1)),
        "wrong-issuer" => "Bearer " + Token(GatewayPlatform.UserSigningKey, "someone-else", DevTokenIssuer.DefaultAudience, DateTime.UtcNow.AddHours(1)),
        // A token as the gateway forwards them, with an admin membership: only services trust that key.
        "service-token" => "Bearer " + ServiceHost.Tokens.Issue("pm", new Dictionary<Guid, WorkspaceRole> { [workspace] = WorkspaceRole.Admin }),
        "garbage" => "Bearer not.a.token",
        "unknown-api-key" => "Bearer lsk_00000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "not-a-member" => "Bearer " + GatewayPlatform.UserToken("stranger"),
        _ => throw new ArgumentOutOfRangeException(nameof(credential)),
    };

    private static string Token(string key, string issuer, string audience, DateTime expires) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim("sub", "pm")]),
            NotBefore = expires.AddHours(-2),
            IssuedAt = expires.AddHours(-2),
            Expires = expires,
            SigningCredentials = new SigningCredentials(DevTokenIssuer.Key(key), SecurityAlgorithms.HmacSha256),
        });
}
