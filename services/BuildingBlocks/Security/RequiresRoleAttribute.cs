namespace Lodestar.Security;

/// <summary>
/// The least role an RPC needs. Without it, reads (<see cref="ReadMethods"/>: a GET binding on the REST API) need Viewer
/// and every other method needs Editor, so a new write method is protected by default.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresRoleAttribute(WorkspaceRole role) : Attribute
{
    public WorkspaceRole Role { get; } = role;
}
