using Lodestar.Persistence;

namespace Lodestar.Backlog.Domain.Context;

/// <summary>The latest evidence summary of a discovery problem (the id is discovery's), from ProblemEvidenceChanged.</summary>
public sealed class ProblemEvidence : WorkspaceEntity
{
    public Guid? ProductId { get; set; }

    public int InsightCount { get; set; }

    public int DistinctCustomers { get; set; }

    public int DistinctPersonas { get; set; }

    public double WeightedScore { get; set; }

    public double AverageImportance { get; set; }

    public DateTime? LatestInsightAt { get; set; }

    /// <summary>When discovery reported this summary; an older report never wins.</summary>
    public DateTime ReportedAt { get; set; }
}
