using Grpc.Core;
using Lodestar.Api;
using Lodestar.Errors;
using Lodestar.Gateway.Access;
using Lodestar.Gateway.Infrastructure;
using Lodestar.Security;
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

    /// <summary>The calling user and the workspace <paramref name="parent"/> (<c>workspaces/{id}</c>) names, where they hold at least <paramref name="minimum"/>.</summary>
    public async Task<(Caller Caller, Guid WorkspaceId)> RequireParentAsync(ServerCallContext context, string parent, WorkspaceRole minimum)
    {
        var caller = UserOf(context);
        var workspaceId = ResourceNames.ParseId(parent, WorkspaceMapping.Workspaces, "parent");
        await RequireAsync(caller, workspaceId, minimum, context.CancellationToken);
        return (caller, workspaceId);
    }

    /// <summary>
    /// The calling user, their role, and the ids in <paramref name="name"/> (<c>workspaces/{id}/{collection}/{id}</c>),
    /// where they hold at least <paramref name="minimum"/>.
    /// </summary>
    public async Task<(Caller Caller, WorkspaceRole Role, Guid WorkspaceId, Guid Id)> RequireChildAsync(
        ServerCallContext context, string name, string collection, string field, WorkspaceRole minimum)
    {
        var caller = UserOf(context);
        var (workspaceId, id) = ResourceNames.ParseChildId(name, WorkspaceMapping.Workspaces, collection, field);
        var role = await RequireAsync(caller, workspaceId, minimum, context.CancellationToken);
        return (caller, role, workspaceId, id);
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
