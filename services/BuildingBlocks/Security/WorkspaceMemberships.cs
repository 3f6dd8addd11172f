using System.Security.Claims;

namespace Lodestar.Security;

/// <summary>Reads and writes the workspace-membership claims of a token.</summary>
public static class WorkspaceMemberships
{
    public static string ToClaimValue(Guid workspaceId, WorkspaceRole role) =>
        $"{workspaceId:D}:{role.ToString().ToLowerInvariant()}";

    /// <summary>The caller's role in <paramref name="workspaceId"/>, or None when not a member.</summary>
    public static WorkspaceRole RoleIn(ClaimsPrincipal principal, Guid workspaceId)
    {
        var best = WorkspaceRole.None;
        foreach (var claim in principal.FindAll(LodestarClaims.Workspace))
        {
            var separator = claim.Value.LastIndexOf(':');
            if (separator <= 0) continue;
            if (!Guid.TryParse(claim.Value.AsSpan(0, separator), out var id) || id != workspaceId) continue;
            if (Enum.TryParse<WorkspaceRole>(claim.Value.AsSpan(separator + 1), ignoreCase: true, out var role) && role > best)
                best = role;
        }
        return best;
    }
}
