using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Lodestar.Security;

public static class SecurityExtensions
{
    /// <summary>JWT bearer validation from "Authentication:Jwt" and the scoped workspace context.</summary>
    public static IHostApplicationBuilder AddLodestarSecurity(this IHostApplicationBuilder builder)
    {
        var options = builder.ReadJwtOptions(JwtOptions.SectionName,
            "No token validation is configured: set Authentication__Jwt__SigningKey or Authentication__Jwt__Authority.");
        builder.Services.AddSingleton(options);

        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(jwt => jwt.Validate(options));
        builder.Services.AddAuthorization();
        builder.Services.AddScoped<WorkspaceContext>();
        builder.Services.AddScoped<IWorkspaceContext>(sp => sp.GetRequiredService<WorkspaceContext>());
        return builder;
    }

    /// <summary>
    /// Token settings from <paramref name="section"/>; with neither an Authority nor a SigningKey, the development key
    /// in Development and <paramref name="missing"/> as an error anywhere else.
    /// </summary>
    public static JwtOptions ReadJwtOptions(this IHostApplicationBuilder builder, string section, string missing)
    {
        var options = builder.Configuration.GetSection(section).Get<JwtOptions>() ?? new JwtOptions();
        if (options.Authority is null && options.SigningKey is null)
        {
            options.SigningKey = builder.Environment.IsDevelopment()
                ? DevTokenIssuer.DevelopmentSigningKey
                : throw new InvalidOperationException(missing);
        }
        return options;
    }

    /// <summary>Validates bearer tokens against <paramref name="options"/>: issuer, audience, signature, lifetime.</summary>
    public static void Validate(this JwtBearerOptions jwt, JwtOptions options)
    {
        jwt.MapInboundClaims = false;
        jwt.Authority = options.Authority;
        jwt.RequireHttpsMetadata = options.Authority?.StartsWith("https:", StringComparison.OrdinalIgnoreCase) ?? false;
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = options.Issuer ?? (options.Authority is null ? DevTokenIssuer.DefaultIssuer : null),
            ValidAudience = options.Audience,
            IssuerSigningKey = options.SigningKey is { } key ? DevTokenIssuer.Key(key) : null,
            NameClaimType = "sub",
            ClockSkew = TimeSpan.FromSeconds(30),
        };
    }
}
