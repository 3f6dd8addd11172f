using Lodestar.Security;

namespace Lodestar.Gateway.Workspaces;

/// <summary>A one-time invitation to a workspace: only the SHA-256 hash of its code is kept.</summary>
public sealed class InvitationRecord
{
    public const int MaxInvitee = 256;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid WorkspaceId { get; set; }

    public WorkspaceRole Role { get; set; }

    public string Invitee { get; set; } = "";

    public string CodeHash { get; set; } = "";

    public DateTime ExpireTime { get; set; }

    public DateTime? AcceptTime { get; set; }

    public string? Acceptor { get; set; }

    public DateTime CreateTime { get; set; }

    public string Creator { get; set; } = "";

    /// <summary>Concurrency token: two callers accepting the same code at once cannot both succeed.</summary>
    public int Version { get; set; }
}
