using Lodestar.Persistence;

namespace Lodestar.Metrics.Domain.Experiments;

/// <summary>An A/B test of a product.</summary>
public sealed class Experiment : WorkspaceEntity
{
    public const int MaxDisplayName = 200;
    public const int MaxDescription = 2000;
    public const int MaxReason = 1000;

    public Guid ProductId { get; set; }

    /// <summary>The assignment key (part of the hash); unique per product.</summary>
    public string Key { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public string Description { get; set; } = "";

    /// <summary>The discovery hypothesis it tests.</summary>
    public Guid? HypothesisId { get; set; }

    public List<ExperimentVariant> Variants { get; set; } = [];

    public string ConversionEvent { get; set; } = "";

    public List<ExperimentGuardrail> Guardrails { get; set; } = [];

    public double BaselineRate { get; set; }

    /// <summary>The smallest relative change worth detecting.</summary>
    public double MinimumDetectableEffect { get; set; }

    public double Power { get; set; } = 0.8;

    public double Alpha { get; set; } = 0.05;

    public ExperimentState State { get; set; } = ExperimentState.Draft;

    public DateTime? StartTime { get; set; }

    public DateTime? EndTime { get; set; }

    /// <summary>The smallest always-valid p-value each variant has shown at any analysis (a running minimum stays valid).</summary>
    public Dictionary<string, double> BestSequentialPValues { get; set; } = [];

    public Verdict Verdict { get; set; }

    public string ConclusionReason { get; set; } = "";

    public bool ConcludedAutomatically { get; set; }

    /// <summary>The analysis at conclusion, as the API showed it (JSON), so the record never changes afterwards.</summary>
    public string? ConclusionAnalysis { get; set; }

    public ExperimentVariant Control => Variants.Single(v => v.Control);

    public long PlannedUsersPerVariant => Statistics.SampleSize.PerVariant(BaselineRate, MinimumDetectableEffect, Alpha, Power);

    /// <summary>τ² of the sequential test: the minimum detectable effect in absolute terms, squared.</summary>
    public double MixingVariance => Math.Pow(BaselineRate * MinimumDetectableEffect, 2);
}
