namespace Lodestar.Security;

/// <summary>Bound from the "Authentication:Jwt" section (env: Authentication__Jwt__…).</summary>
public sealed class JwtOptions
{
    public const string SectionName = "Authentication:Jwt";

    /// <summary>Expected "iss" claim; with an Authority, its discovery document's issuer when unset.</summary>
    public string? Issuer { get; set; }

    /// <summary>Expected "aud" claim.</summary>
    public string Audience { get; set; } = DevTokenIssuer.DefaultAudience;

    /// <summary>Symmetric HS256 key (at least 32 bytes of UTF-8); used when no Authority is set.</summary>
    public string? SigningKey { get; set; }

    /// <summary>OIDC authority whose discovery document provides the signing keys.</summary>
    public string? Authority { get; set; }
}
