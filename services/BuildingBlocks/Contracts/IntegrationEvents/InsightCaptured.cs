namespace Lodestar.Contracts.IntegrationEvents;

/// <summary>Discovery captured a piece of customer evidence, possibly linked to problems.</summary>
public sealed record InsightCaptured(Guid InsightId, Guid? ProductId, IReadOnlyList<Guid> ProblemIds, string Source, int Importance)
    : IntegrationEvent;
