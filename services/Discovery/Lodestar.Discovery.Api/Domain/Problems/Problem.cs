using Lodestar.Persistence;

namespace Lodestar.Discovery.Domain.Problems;

/// <summary>A customer problem or job to be done, with the evidence summary last computed for it.</summary>
public sealed class Problem : WorkspaceEntity
{
    public const int MaxTitle = 200;
    public const int MaxPart = 500;
    public const int MaxPersonas = 20;
    public const int MaxGoals = 20;
    public const int MaxSolutions = 50;

    public Guid ProductId { get; set; }

    public string Title { get; set; } = "";

    public string When { get; set; } = "";

    public string Want { get; set; } = "";

    public string SoThat { get; set; } = "";

    public List<Guid> PersonaIds { get; set; } = [];

    public ProblemStatus Status { get; set; } = ProblemStatus.New;

    /// <summary>Strategy goals (desired outcomes) it stands in the way of.</summary>
    public List<Guid> GoalIds { get; set; } = [];

    /// <summary>Backlog items proposed as solutions.</summary>
    public List<Guid> SolutionIds { get; set; } = [];

    public int InsightCount { get; set; }

    public int DistinctCustomers { get; set; }

    public int DistinctPersonas { get; set; }

    public double WeightedScore { get; set; }

    public double AverageImportance { get; set; }

    public double? OpportunityScore { get; set; }

    public DateTime? LatestInsightAt { get; set; }

    public DateTime? EvidenceComputedAt { get; set; }

    /// <summary>The KPI whose breach opened the problem (null: a person created it).</summary>
    public Guid? OpenedByKpiId { get; set; }

    /// <summary>The day of the KPI value that breached, when strategy reported it.</summary>
    public DateOnly? OpenedByKpiDate { get; set; }

    /// <summary>"When …, I want to …, so I can …", leaving out empty parts.</summary>
    public string Statement => string.Join(", ", new[]
    {
        When.Length > 0 ? $"When {When}" : "", Want.Length > 0 ? $"I want to {Want}" : "", SoThat.Length > 0 ? $"so I can {SoThat}" : "",
    }.Where(p => p.Length > 0));

    public EvidenceSummary Evidence => new(InsightCount, DistinctCustomers, DistinctPersonas, WeightedScore, AverageImportance, OpportunityScore, LatestInsightAt);

    /// <summary>Stores <paramref name="summary"/>; true when it differs from what was stored (counts, score to 1e-9).</summary>
    public bool Record(EvidenceSummary summary, DateTime now)
    {
        var changed = summary.InsightCount != InsightCount || summary.DistinctCustomers != DistinctCustomers || summary.DistinctPersonas != DistinctPersonas
            || Math.Abs(summary.WeightedScore - WeightedScore) > 1e-9 || Math.Abs(summary.AverageImportance - AverageImportance) > 1e-9
            || summary.OpportunityScore != OpportunityScore || summary.LatestInsightAt != LatestInsightAt;
        (InsightCount, DistinctCustomers, DistinctPersonas, WeightedScore, AverageImportance, OpportunityScore, LatestInsightAt) =
            (summary.InsightCount, summary.DistinctCustomers, summary.DistinctPersonas, summary.WeightedScore, summary.AverageImportance,
                summary.OpportunityScore, summary.LatestInsightAt);
        EvidenceComputedAt = now;
        return changed;
    }
}
