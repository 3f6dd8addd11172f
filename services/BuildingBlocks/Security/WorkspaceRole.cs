namespace Lodestar.Security;

/// <summary>A member's role in a workspace; higher values include the rights of lower ones.</summary>
public enum WorkspaceRole
{
    None = 0,
    Viewer = 1,
    Editor = 2,
    Admin = 3,
}
