using Lodestar.Persistence;

namespace Lodestar.Strategy.Domain.Goals;

/// <summary>The latest status of a discovery hypothesis, kept from HypothesisStatusChanged for goals that link it.</summary>
public sealed class HypothesisState : WorkspaceEntity
{
    public Guid HypothesisId { get; set; }

    public Guid? ProductId { get; set; }

    public string Status { get; set; } = "";

    public string? MetricKey { get; set; }

    public DateTime StatusTime { get; set; }
}
