using Grpc.Core;
using Lodestar.Errors;
using Lodestar.Gateway.Access;
using Lodestar.Gateway.Infrastructure;
using Lodestar.Security;
using Lodestar.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Gateway.Grpc;

/// <summary>
/// Who may manage what: only users (never API keys), and only in workspaces they belong to (others are NOT_FOUND),
/// with the role a method needs (else PERMISSION_DENIED). Read from the database, not the cache: these calls are rare
/// and must see the latest memberships.
/// </summary>
public sealed class WorkspaceAdmission(GatewayDbContext db)
{
    public static Caller UserOf(ServerCallContext context)
    {
        var caller = context.GetHttpContext().Features.Get<Caller>()
            ?? throw new UnauthenticatedException("Authenticate with a bearer token.");
        return caller.IsUser
            ? caller
            : throw new PermissionDeniedException("ERROR_REASON_ROLE_INSUFFICIENT", "API keys cannot manage workspaces, members or API keys; call with a user's token.");
    }

    /// <summary>The caller's role in the workspace, at least <paramref name="minimum"/>.</summary>
    public async Task<WorkspaceRole> RequireAsync(Caller caller, Guid workspaceId, WorkspaceRole minimum, CancellationToken cancellationToken)
    {
        var role = await db.Members.AsNoTracking()
            .Where(m => m.WorkspaceId == workspaceId && m.Subject == caller.Subject)
            .Select(m => (WorkspaceRole?)m.Role)
            .FirstOrDefaultAsync(cancellationToken) ?? WorkspaceRole.None;
        if (role == WorkspaceRole.None) throw new NotFoundException("Workspace", ResourceNames.Format("workspaces", workspaceId));
        return role >= minimum
            ? role
            : throw new PermissionDeniedException("ERROR_REASON_ROLE_INSUFFICIENT",
                $"This needs the {minimum.ToString().ToLowerInvariant()} role in the workspace; the caller is {role.ToString().ToLowerInvariant()}.");
    }
}
