using Lodestar.Security;

namespace Lodestar.Gateway.Workspaces;

/// <summary>A user's role in a workspace, keyed by the subject of their identity provider's tokens.</summary>
public sealed class MemberRecord
{
    public const int MaxSubject = 256;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid WorkspaceId { get; set; }

    public string Subject { get; set; } = "";

    public WorkspaceRole Role { get; set; }

    public DateTime CreateTime { get; set; }

    public DateTime UpdateTime { get; set; }

    public string Creator { get; set; } = "";
}
