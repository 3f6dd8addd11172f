namespace Lodestar.Discovery.Domain.Hypotheses;

/// <summary>What the experiment that tested a hypothesis concluded (from ExperimentConcluded).</summary>
public sealed class ExperimentResult
{
    public Guid ExperimentId { get; set; }

    public string Verdict { get; set; } = "";

    public double? PValue { get; set; }

    public DateTime ConcludedAt { get; set; }

    /// <summary>The variant the verdict rests on.</summary>
    public string? Variant { get; set; }

    public double? RelativeLift { get; set; }

    public double? IntervalLow { get; set; }

    public double? IntervalHigh { get; set; }

    /// <summary>The hypothesis's minimum effect the lift was held to (null in results kept before the rule).</summary>
    public double? MinimumEffect { get; set; }

    /// <summary>Why the hypothesis took <see cref="Verdict"/> (null in results kept before the rule).</summary>
    public string? Reason { get; set; }
}
