using Lodestar.Security;

namespace Lodestar.Gateway.Access;

/// <summary>
/// Validation of users' bearer tokens, from "Authentication:Users" (an OIDC Authority, or a SigningKey with Issuer and
/// Audience). Development falls back to the development key and issuer, so the app host's development token works.
/// </summary>
public static class UserTokens
{
    public const string Scheme = "users";
    public const string SectionName = "Authentication:Users";

    public static IHostApplicationBuilder AddUserTokens(this IHostApplicationBuilder builder)
    {
        var options = builder.ReadJwtOptions(SectionName,
            "No user token validation is configured: set Authentication__Users__Authority or Authentication__Users__SigningKey.");
        builder.Services.AddAuthentication().AddJwtBearer(Scheme, jwt => jwt.Validate(options));
        return builder;
    }
}
