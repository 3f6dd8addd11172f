using Lodestar.Contracts.IntegrationEvents;

namespace BuildingBlocks.NotesService;

public sealed record NoteCreated(Guid NoteId, string Title) : IntegrationEvent;
