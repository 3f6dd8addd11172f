namespace Lodestar.Contracts.IntegrationEvents;

/// <summary>A product was created, renamed or archived; other services keep a local copy to refuse unknown product ids.</summary>
public sealed record ProductChanged(Guid ProductId, string Name, string Stage, bool Archived) : IntegrationEvent;
