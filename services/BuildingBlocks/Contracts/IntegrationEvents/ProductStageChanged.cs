namespace Lodestar.Contracts.IntegrationEvents;

/// <summary>A product moved to another lifecycle stage.</summary>
public sealed record ProductStageChanged(Guid ProductId, string Stage, string PreviousStage) : IntegrationEvent;
