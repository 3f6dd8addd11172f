using Lodestar.Persistence;

namespace BuildingBlocks.NotesService;

public sealed class Note : WorkspaceEntity
{
    public string Title { get; set; } = "";

    public string Body { get; set; } = "";
}
