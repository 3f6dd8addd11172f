using Lodestar.Persistence;

namespace Lodestar.Strategy.Domain.Products;

/// <summary>A recorded lifecycle decision; the product's history is the list of these. Never changed after creation.</summary>
public sealed class StageReview : WorkspaceEntity
{
    public Guid ProductId { get; set; }

    public StageDecision Decision { get; set; }

    public LifecycleStage? TargetStage { get; set; }

    public string Rationale { get; set; } = "";

    public List<string> EvidenceLinks { get; set; } = [];

    public LifecycleStage PreviousStage { get; set; }

    public LifecycleStage ResultingStage { get; set; }
}
