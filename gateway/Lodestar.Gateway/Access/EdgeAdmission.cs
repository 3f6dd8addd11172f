using Lodestar.Errors;
using Lodestar.Gateway.RateLimiting;
using Lodestar.Security;

namespace Lodestar.Gateway.Access;

/// <summary>
/// Decides whether a caller may act in a workspace now: their role there (an API key's own, a user's membership) and a
/// token from the workspace's rate limit, spent only once the role admits them, so no outsider can drain a workspace's
/// limit. A user's cached membership and the token come from one Redis call.
/// </summary>
public sealed class EdgeAdmission(AccessDirectory directory, WorkspaceRateLimiter rateLimiter)
{
    public async Task<WorkspaceRole> AdmitAsync(Caller caller, Guid workspaceId, CancellationToken cancellationToken)
    {
        WorkspaceRole role;
        RateLimitDecision? decision = null;
        if (caller.ApiKey is { } key)
        {
            role = key.WorkspaceId == workspaceId
                ? key.Role
                : throw new PermissionDeniedException("ERROR_REASON_WORKSPACE_ACCESS_DENIED", "The API key belongs to another workspace.");
        }
        else
        {
            var (cached, cachedDecision) = await rateLimiter.AdmitFromCacheAsync(workspaceId, directory.MemberKey(workspaceId, caller.Subject));
            if (cached is not null && Enum.TryParse(cached, out role))
                decision = cachedDecision;
            else
                role = await directory.LoadRoleAsync(workspaceId, caller.Subject, cancellationToken);
        }
        if (role == WorkspaceRole.None)
            throw new PermissionDeniedException("ERROR_REASON_WORKSPACE_ACCESS_DENIED", "The caller is not a member of this workspace.");

        decision ??= await rateLimiter.TakeAsync(workspaceId);
        return decision.Value.Allowed
            ? role
            : throw new ResourceExhaustedException("The workspace's request rate is above its limit; retry after the delay given.", decision.Value.RetryAfter);
    }
}
