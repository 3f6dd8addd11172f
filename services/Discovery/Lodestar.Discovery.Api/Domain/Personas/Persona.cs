using Lodestar.Persistence;

namespace Lodestar.Discovery.Domain.Personas;

/// <summary>A kind of user or buyer a workspace's products serve.</summary>
public sealed class Persona : WorkspaceEntity
{
    public const int MaxDisplayName = 100;
    public const int MaxSegment = 200;
    public const int MaxEntries = 20;
    public const int MaxEntry = 300;

    public string DisplayName { get; set; } = "";

    public string Segment { get; set; } = "";

    public List<string> Goals { get; set; } = [];

    public List<string> PainPoints { get; set; } = [];

    public List<string> Behaviours { get; set; } = [];

    public Guid? ProductId { get; set; }
}
