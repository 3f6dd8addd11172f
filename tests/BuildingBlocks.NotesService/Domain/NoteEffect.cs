using Lodestar.Persistence;

namespace BuildingBlocks.NotesService;

/// <summary>What the consumer of NoteCreated writes: counting these counts effects, not messages.</summary>
public sealed class NoteEffect : WorkspaceEntity
{
    public Guid NoteId { get; set; }

    public string? TraceId { get; set; }
}
