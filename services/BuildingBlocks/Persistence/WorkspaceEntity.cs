namespace Lodestar.Persistence;

/// <summary>
/// Base of every record a workspace owns. <see cref="ServiceDbContext"/> fills the workspace, audit fields and version
/// on save, and filters every query by the current workspace.
/// </summary>
public abstract class WorkspaceEntity
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid WorkspaceId { get; set; }

    /// <summary>Optimistic-concurrency token, rendered as the resource's etag.</summary>
    public long Version { get; set; }

    public DateTime CreateTime { get; set; }

    public DateTime UpdateTime { get; set; }

    public string Creator { get; set; } = "";

    public string ETag => Persistence.ETag.Format(Version);
}
