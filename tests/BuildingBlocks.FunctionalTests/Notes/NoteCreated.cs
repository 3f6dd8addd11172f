using Lodestar.Contracts.IntegrationEvents;

namespace BuildingBlocks.FunctionalTests.Notes;

public sealed record NoteCreated(Guid NoteId, string Title) : IntegrationEvent;
