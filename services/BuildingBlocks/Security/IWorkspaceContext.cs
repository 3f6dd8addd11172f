namespace Lodestar.Security;

/// <summary>The workspace the current call or message acts in, and the caller's role there.</summary>
public interface IWorkspaceContext
{
    /// <summary>The current workspace; null outside any workspace (queries then match nothing).</summary>
    Guid? WorkspaceId { get; }

    WorkspaceRole Role { get; }

    /// <summary>Who acts: a user's subject, an API key's id, or "service:{name}" for event handlers.</summary>
    string Subject { get; }

    /// <summary>Throws PermissionDeniedException unless the caller holds at least <paramref name="role"/>.</summary>
    void Require(WorkspaceRole role);
}
