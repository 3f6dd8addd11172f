using System.Security.Claims;
using Lodestar.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EndToEnd.Tests.Security;

/// <summary>Credentials the gateway must refuse with UNAUTHENTICATED on every RPC, whatever workspace they name.</summary>
public static class BadTokens
{
    private const string Subject = "intruder";

    public static IReadOnlyList<Credentials> For(Guid workspace) =>
    [
        new("no credentials", null, workspace),
        new("a bearer value that is not a token", "Bearer not-a-token", workspace),
        new("an expired token", "Bearer " + Token(DevTokenIssuer.DevelopmentSigningKey, DevTokenIssuer.DefaultIssuer, DevTokenIssuer.DefaultAudience,
            DateTime.UtcNow.AddHours(-2), DateTime.UtcNow.AddHours(-1)), workspace),
        new("a token of another issuer", "Bearer " + new DevTokenIssuer(DevTokenIssuer.DevelopmentSigningKey, issuer: "https://issuer.example")
            .Issue(Subject, Admin(workspace)), workspace),
        new("a token for another audience", "Bearer " + new DevTokenIssuer(DevTokenIssuer.DevelopmentSigningKey, audience: "another-api")
            .Issue(Subject, Admin(workspace)), workspace),
        new("a token signed with another key", "Bearer " + new DevTokenIssuer("a-signing-key-nobody-configured-0123456789")
            .Issue(Subject, Admin(workspace)), workspace),
        new("an unsigned token (alg none)", "Bearer " + Token(null, DevTokenIssuer.DefaultIssuer, DevTokenIssuer.DefaultAudience,
            DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddHours(1)), workspace),
        new("an API key that was never issued", "Bearer lsk_0123456789abcdef0123456789abcdef", workspace),
    ];

    /// <summary>Claims admin of the workspace, which a token the gateway trusts could never do by itself.</summary>
    private static Dictionary<Guid, WorkspaceRole> Admin(Guid workspace) => new() { [workspace] = WorkspaceRole.Admin };

    private static string Token(string? signingKey, string issuer, string audience, DateTime notBefore, DateTime expires) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim(JwtRegisteredClaimNames.Sub, Subject)]),
            NotBefore = notBefore,
            IssuedAt = notBefore,
            Expires = expires,
            SigningCredentials = signingKey is null ? null : new SigningCredentials(DevTokenIssuer.Key(signingKey), SecurityAlgorithms.HmacSha256),
        });
}
