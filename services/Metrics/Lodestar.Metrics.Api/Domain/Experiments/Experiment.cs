using Lodestar.Errors;
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

    private string StateName => State.ToString().ToLowerInvariant();

    public void Start(DateTime now)
    {
        if (State != ExperimentState.Draft) throw new FailedPreconditionException($"The experiment is already {StateName}.");
        State = ExperimentState.Running;
        StartTime = now;
    }

    public void EnsureDeletable()
    {
        if (State != ExperimentState.Draft) throw new FailedPreconditionException("Only a draft experiment can be deleted; a started one is part of the record.");
    }

    /// <summary>Users are assigned once the experiment started; a concluded one still answers with the variant a user would get.</summary>
    public void EnsureAssignable()
    {
        if (State == ExperimentState.Draft) throw new FailedPreconditionException("The experiment is a draft: start it before assigning users.");
    }

    public void EnsureRunning()
    {
        if (State != ExperimentState.Running) throw new FailedPreconditionException($"Only a running experiment concludes; this one is {StateName}.");
    }

    /// <summary>
    /// Concludes with <paramref name="verdict"/> (or the figures' <paramref name="recommendation"/>, inconclusive when
    /// there is none) and <paramref name="reason"/> (or the figures' <paramref name="analysisReason"/>, saying so when a
    /// person overrode the recommendation). <paramref name="automatic"/> marks the service's own conclusions.
    /// </summary>
    public void Conclude(Verdict verdict, string? reason, Verdict recommendation, string analysisReason, bool automatic, DateTime now)
    {
        EnsureRunning();
        var chosen = verdict != Verdict.None ? verdict : recommendation != Verdict.None ? recommendation : Verdict.Inconclusive;
        State = ExperimentState.Concluded;
        EndTime = now;
        Verdict = chosen;
        ConclusionReason = string.IsNullOrWhiteSpace(reason)
            ? chosen == recommendation ? analysisReason : $"Concluded as {chosen.ToString().ToLowerInvariant()} by request. {analysisReason}"
            : reason.Trim();
        ConcludedAutomatically = automatic;
    }

    /// <summary>
    /// Keeps each variant's smallest always-valid p-value (a running minimum stays valid) while running; true when one fell.
    /// </summary>
    public bool RememberSequentialPValues(IEnumerable<KeyValuePair<string, double>> pValues)
    {
        if (State != ExperimentState.Running) return false;
        var best = new Dictionary<string, double>(BestSequentialPValues);
        foreach (var (variant, pValue) in pValues) best[variant] = Math.Min(pValue, best.GetValueOrDefault(variant, 1));
        if (best.SequenceEqual(BestSequentialPValues)) return false;
        BestSequentialPValues = best;
        return true;
    }
}
