namespace Lodestar.Security;

/// <summary>
/// The least role an RPC needs. Without it, methods named Get*, List*, Search* and BatchGet* need Viewer and every
/// other method needs Editor, so a new write method is protected by default.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresRoleAttribute(WorkspaceRole role) : Attribute
{
    public WorkspaceRole Role { get; } = role;
}
