using System.Collections.Concurrent;
using Lodestar.Security;
using Microsoft.Extensions.Options;

namespace Lodestar.Gateway.Access;

/// <summary>
/// Signs the short-lived token the gateway forwards to the services in place of the caller's credential: the caller's
/// subject and exactly one membership, the workspace and role the gateway has just checked. Signed with the key the
/// services trust (Authentication:Jwt), and reused until a fifth of its lifetime is left so signing stays off the hot path.
/// </summary>
public sealed class ForwardedTokens(JwtOptions jwt, IOptions<AccessOptions> options, TimeProvider time)
{
    private readonly DevTokenIssuer _issuer = new(
        jwt.SigningKey ?? throw new InvalidOperationException("The gateway signs forwarded tokens: set Authentication__Jwt__SigningKey."),
        jwt.Issuer ?? DevTokenIssuer.DefaultIssuer,
        jwt.Audience);

    private readonly TimeSpan _lifetime = options.Value.ForwardedTokenLifetime;
    private readonly ConcurrentDictionary<(string, Guid, WorkspaceRole), (string Token, DateTimeOffset RenewAt)> _tokens = new();

    /// <summary>The authorization header value ("Bearer …") to forward.</summary>
    public string For(string subject, Guid workspaceId, WorkspaceRole role)
    {
        var now = time.GetUtcNow();
        var key = (subject, workspaceId, role);
        if (_tokens.TryGetValue(key, out var cached) && cached.RenewAt > now) return cached.Token;

        var token = "Bearer " + _issuer.Issue(subject, new Dictionary<Guid, WorkspaceRole> { [workspaceId] = role }, _lifetime);
        if (_tokens.Count > 100_000) _tokens.Clear(); // bounded: a flood of distinct callers only costs signing
        _tokens[key] = (token, now + _lifetime * 0.8);
        return token;
    }
}
