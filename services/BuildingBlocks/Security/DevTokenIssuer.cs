using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Lodestar.Security;

/// <summary>
/// Issues HS256 tokens for local runs and tests. In production tokens come from the gateway (API keys) or an OIDC
/// provider; this issuer only signs with the symmetric key the services are configured to trust.
/// </summary>
public sealed class DevTokenIssuer(string signingKey, string issuer = DevTokenIssuer.DefaultIssuer, string audience = DevTokenIssuer.DefaultAudience)
{
    public const string DefaultIssuer = "lodestar-dev";
    public const string DefaultAudience = "lodestar";

    /// <summary>The well-known key of Development environments; never trusted outside them.</summary>
    public const string DevelopmentSigningKey = "lodestar-development-signing-key-not-for-production-use";

    public string Issue(string subject, IReadOnlyDictionary<Guid, WorkspaceRole> workspaces, TimeSpan? lifetime = null)
    {
        var claims = new List<Claim> { new(JwtRegisteredClaimNames.Sub, subject) };
        claims.AddRange(workspaces.Select(w => new Claim(LodestarClaims.Workspace, WorkspaceMemberships.ToClaimValue(w.Key, w.Value))));
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = now.AddSeconds(-5),
            IssuedAt = now,
            Expires = now + (lifetime ?? TimeSpan.FromHours(8)),
            SigningCredentials = new SigningCredentials(Key(signingKey), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    public static SymmetricSecurityKey Key(string signingKey)
    {
        var bytes = Encoding.UTF8.GetBytes(signingKey);
        if (bytes.Length < 32) throw new ArgumentException("The JWT signing key needs at least 32 bytes.", nameof(signingKey));
        return new SymmetricSecurityKey(bytes);
    }
}
