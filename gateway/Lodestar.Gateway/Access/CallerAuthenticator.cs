using Lodestar.Errors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.Tokens;

namespace Lodestar.Gateway.Access;

/// <summary>
/// Establishes the caller of a request: an API key (x-api-key, or a bearer value shaped like a key) looked up by its
/// hash, or a user's bearer token verified by the <see cref="UserTokens"/> scheme. Anything else is UNAUTHENTICATED.
/// </summary>
public sealed class CallerAuthenticator(AccessDirectory directory, VerifiedTokens verified)
{
    public const string ApiKeyHeader = "x-api-key";
    private const string Bearer = "Bearer ";

    public async Task<Caller> AuthenticateAsync(HttpContext http)
    {
        var authorization = http.Request.Headers.Authorization.ToString();
        var apiKey = http.Request.Headers[ApiKeyHeader].ToString();
        if (apiKey.Length == 0 && authorization.StartsWith(Bearer + ApiKeySecrets.Scheme, StringComparison.Ordinal))
            apiKey = authorization[Bearer.Length..];
        if (apiKey.Length > 0)
        {
            var grant = ApiKeySecrets.LooksLikeKey(apiKey)
                ? await directory.FindKeyAsync(ApiKeySecrets.Hash(apiKey), http.RequestAborted)
                : null;
            return grant is null
                ? throw new UnauthenticatedException("The API key is not valid or has been revoked.")
                : Caller.Integration(grant);
        }

        if (authorization.Length == 0)
            throw new UnauthenticatedException("Authenticate with a bearer token (authorization header) or an API key (x-api-key header).");
        if (verified.SubjectOf(authorization) is { } known) return Caller.User(known);
        var result = await http.AuthenticateAsync(UserTokens.Scheme);
        if (!result.Succeeded)
        {
            throw new UnauthenticatedException(result.Failure is SecurityTokenExpiredException
                ? "The bearer token has expired."
                : "The bearer token is not valid: it must be signed by the configured issuer, for this audience, and current.");
        }
        var subject = result.Principal.FindFirst("sub")?.Value;
        if (string.IsNullOrWhiteSpace(subject)) throw new UnauthenticatedException("The bearer token names no subject (sub claim).");
        verified.Remember(authorization, subject, result.Principal);
        return Caller.User(subject);
    }
}
