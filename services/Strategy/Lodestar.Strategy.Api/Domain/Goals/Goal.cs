using Lodestar.Persistence;

namespace Lodestar.Strategy.Domain.Goals;

/// <summary>An objective of a product for a period.</summary>
public sealed class Goal : WorkspaceEntity
{
    public const int MaxTitle = 200;
    public const int MaxDescription = 4_000;
    public const int MaxOwner = 200;
    public const int MaxHypotheses = 50;

    public Guid ProductId { get; set; }

    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    public string Owner { get; set; } = "";

    public DateOnly PeriodStart { get; set; }

    public DateOnly PeriodEnd { get; set; }

    /// <summary>Hypotheses of the discovery service the goal rests on.</summary>
    public List<Guid> HypothesisIds { get; set; } = [];

    /// <summary>Mean progress of the key results, 0 without any.</summary>
    public static double ProgressOf(IReadOnlyCollection<KeyResult> keyResults) =>
        keyResults.Count == 0 ? 0 : keyResults.Average(k => k.Progress);
}
