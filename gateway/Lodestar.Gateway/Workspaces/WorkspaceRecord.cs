namespace Lodestar.Gateway.Workspaces;

/// <summary>A workspace: the tenant every service's records belong to.</summary>
public sealed class WorkspaceRecord
{
    public const int MaxDisplayName = 200;

    public Guid Id { get; set; }

    public string DisplayName { get; set; } = "";

    public DateTime CreateTime { get; set; }

    public DateTime UpdateTime { get; set; }

    public string Creator { get; set; } = "";
}
