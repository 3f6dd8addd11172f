using Lodestar.Security;

namespace Lodestar.Gateway.Workspaces;

/// <summary>An integration's credential: only the SHA-256 hash of its secret is kept.</summary>
public sealed class ApiKeyRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid WorkspaceId { get; set; }

    public string DisplayName { get; set; } = "";

    public WorkspaceRole Role { get; set; }

    /// <summary>The secret's first characters, shown in lists.</summary>
    public string Prefix { get; set; } = "";

    /// <summary>Hex SHA-256 of the whole secret.</summary>
    public string Hash { get; set; } = "";

    public DateTime CreateTime { get; set; }

    public DateTime? LastUseTime { get; set; }

    public DateTime? RevokeTime { get; set; }

    public string Creator { get; set; } = "";
}
