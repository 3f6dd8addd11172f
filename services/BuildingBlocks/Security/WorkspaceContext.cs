using Lodestar.Errors;

namespace Lodestar.Security;

/// <summary>Scoped holder of the current workspace, set once per call (gRPC) or per message (consumers).</summary>
public sealed class WorkspaceContext : IWorkspaceContext
{
    public Guid? WorkspaceId { get; private set; }

    public WorkspaceRole Role { get; private set; }

    public string Subject { get; private set; } = "";

    public void Enter(Guid workspaceId, WorkspaceRole role, string subject)
    {
        if (WorkspaceId is { } current && current != workspaceId)
            throw new InvalidOperationException("A scope acts in one workspace only.");
        WorkspaceId = workspaceId;
        Role = role;
        Subject = subject;
    }

    public void Require(WorkspaceRole role)
    {
        if (WorkspaceId is null)
            throw new PermissionDeniedException("ERROR_REASON_WORKSPACE_REQUIRED", "No workspace is selected for this call.");
        if (Role < role)
            throw new PermissionDeniedException(
                "ERROR_REASON_ROLE_INSUFFICIENT",
                $"This needs the {role.ToString().ToLowerInvariant()} role in the workspace; the caller is {Role.ToString().ToLowerInvariant()}.");
    }
}
