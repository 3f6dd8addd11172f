using Lodestar.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BuildingBlocks.UnitTests;

public sealed class DevTokenIssuerTests
{
    private const string Key = "unit-test-signing-key-0123456789abcdefghij";

    [Fact]
    public async Task An_issued_token_validates_with_the_same_key_and_carries_the_memberships()
    {
        var workspace = Guid.NewGuid();
        var token = new DevTokenIssuer(Key).Issue("ada", new Dictionary<Guid, WorkspaceRole> { [workspace] = WorkspaceRole.Editor });
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = DevTokenIssuer.DefaultIssuer,
            ValidAudience = DevTokenIssuer.DefaultAudience,
            IssuerSigningKey = DevTokenIssuer.Key(Key),
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal("ada", result.ClaimsIdentity.FindFirst("sub")!.Value);
        Assert.Equal(WorkspaceRole.Editor, WorkspaceMemberships.RoleIn(new System.Security.Claims.ClaimsPrincipal(result.ClaimsIdentity), workspace));
    }

    [Fact]
    public void A_short_key_is_refused() => Assert.Throws<ArgumentException>(() => DevTokenIssuer.Key("too short"));
}
