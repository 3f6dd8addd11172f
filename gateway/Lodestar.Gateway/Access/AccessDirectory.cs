using System.Globalization;
using Lodestar.Gateway.Infrastructure;
using Lodestar.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Lodestar.Gateway.Access;

/// <summary>
/// Memberships and API keys as the edge reads them on every call: from Redis, shared by the gateway's replicas, else
/// from the database. Readers fill the cache only where it is empty and writers overwrite it after their commit, so a
/// reader holding a value read before a change can never put it back over the change (revocation is immediate on every
/// replica). Without Redis, every lookup reads the database.
/// </summary>
public sealed class AccessDirectory(
    IServiceScopeFactory scopes,
    IOptions<AccessOptions> options,
    ILogger<AccessDirectory> logger,
    IConnectionMultiplexer? redis = null)
{
    private const string Revoked = "revoked";

    private readonly AccessOptions _options = options.Value;

    /// <summary>
    /// A member's role read from the database and offered to the cache; for callers that found nothing in the cache
    /// (<see cref="RateLimiting.WorkspaceRateLimiter.AdmitFromCacheAsync"/> reads it together with the rate limit).
    /// </summary>
    public async Task<WorkspaceRole> LoadRoleAsync(Guid workspaceId, string subject, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
        var role = await db.Members.AsNoTracking()
            .Where(m => m.WorkspaceId == workspaceId && m.Subject == subject)
            .Select(m => (WorkspaceRole?)m.Role)
            .FirstOrDefaultAsync(cancellationToken) ?? WorkspaceRole.None;
        await WriteAsync(MemberKey(workspaceId, subject), role.ToString(), When.NotExists);
        return role;
    }

    /// <summary>The grant of an active key with this hash; null for an unknown or revoked key.</summary>
    public async Task<ApiKeyGrant?> FindKeyAsync(string hash, CancellationToken cancellationToken)
    {
        var key = ApiKeyKey(hash);
        if (await ReadAsync(key) is { } cached) return Parse(cached);

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
        var record = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Hash == hash, cancellationToken);
        var grant = record is { RevokeTime: null } ? new ApiKeyGrant(record.Id, record.WorkspaceId, record.Role) : null;
        await WriteAsync(key, Format(grant), When.NotExists);
        return grant;
    }

    /// <summary>Publishes a member's committed role (None once removed) to every replica.</summary>
    public Task MemberChangedAsync(Guid workspaceId, string subject, WorkspaceRole role) =>
        WriteAsync(MemberKey(workspaceId, subject), role.ToString(), When.Always);

    /// <summary>Publishes a committed revocation to every replica.</summary>
    public Task KeyRevokedAsync(string hash) => WriteAsync(ApiKeyKey(hash), Revoked, When.Always);

    private async Task<string?> ReadAsync(string key)
    {
        if (redis is not { IsConnected: true }) return null;
        try
        {
            return await redis.GetDatabase().StringGetAsync(key);
        }
        catch (RedisException ex)
        {
            logger.LogWarning(ex, "Access cache read failed; reading the database");
            return null;
        }
    }

    private async Task WriteAsync(string key, string value, When when)
    {
        if (redis is null) return;
        if (!redis.IsConnected)
        {
            // Published changes that cannot be written live on in other replicas' cache at most CacheLifetime (README).
            if (when == When.Always) logger.LogWarning("Access cache unreachable: the change of {Key} reaches other replicas when their entry expires", key);
            return;
        }
        try
        {
            await redis.GetDatabase().StringSetAsync(key, value, _options.CacheLifetime, when);
        }
        catch (RedisException ex)
        {
            logger.LogWarning(ex, "Access cache write of {Key} failed", key);
        }
    }

    /// <summary>Where Redis keeps a membership's role, for <see cref="RateLimiting.WorkspaceRateLimiter.AdmitFromCacheAsync"/>.</summary>
    public string MemberKey(Guid workspaceId, string subject) => $"{_options.RedisKeyPrefix}member:{workspaceId:N}:{subject}";

    private string ApiKeyKey(string hash) => $"{_options.RedisKeyPrefix}apikey:{hash}";

    private static string Format(ApiKeyGrant? grant) =>
        grant is null ? Revoked : string.Create(CultureInfo.InvariantCulture, $"{grant.KeyId:N}:{grant.WorkspaceId:N}:{grant.Role}");

    private static ApiKeyGrant? Parse(string value)
    {
        var parts = value.Split(':');
        return parts.Length == 3 && Guid.TryParse(parts[0], out var id) && Guid.TryParse(parts[1], out var workspace)
            && Enum.TryParse<WorkspaceRole>(parts[2], out var role)
            ? new ApiKeyGrant(id, workspace, role)
            : null;
    }
}
