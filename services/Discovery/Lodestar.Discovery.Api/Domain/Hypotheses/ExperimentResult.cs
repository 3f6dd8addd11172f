namespace Lodestar.Discovery.Domain.Hypotheses;

/// <summary>What the experiment that tested a hypothesis concluded (from ExperimentConcluded).</summary>
public sealed class ExperimentResult
{
    public Guid ExperimentId { get; set; }

    public string Verdict { get; set; } = "";

    public double? PValue { get; set; }

    public DateTime ConcludedAt { get; set; }
}
