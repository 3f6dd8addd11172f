using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;

namespace Lodestar.Gateway.Access;

/// <summary>
/// Bearer tokens this replica has already verified, until they expire (at most five minutes), so a client calling
/// repeatedly with the same token pays for the signature check once. The token's exact text is the key: any change to
/// it is a different, unverified token. Bounded; a flood of distinct tokens only costs verification.
/// </summary>
public sealed class VerifiedTokens(TimeProvider time)
{
    private const int Capacity = 10_000;
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, (string Subject, DateTimeOffset Until)> _tokens = new(StringComparer.Ordinal);

    public string? SubjectOf(string token) =>
        _tokens.TryGetValue(token, out var known) && known.Until > time.GetUtcNow() ? known.Subject : null;

    public void Remember(string token, string subject, ClaimsPrincipal principal)
    {
        var now = time.GetUtcNow();
        var until = now + MaxAge;
        if (long.TryParse(principal.FindFirst("exp")?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var exp))
        {
            var expires = DateTimeOffset.FromUnixTimeSeconds(exp);
            if (expires < until) until = expires;
        }
        if (_tokens.Count >= Capacity) _tokens.Clear();
        _tokens[token] = (subject, until);
    }
}
