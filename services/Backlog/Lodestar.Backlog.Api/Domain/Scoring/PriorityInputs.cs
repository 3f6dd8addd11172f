namespace Lodestar.Backlog.Domain.Scoring;

/// <summary>Everything an item is scored from, stored as one JSON value; a framework without inputs is unscored.</summary>
public sealed class PriorityInputs
{
    public RiceInputs? Rice { get; set; }

    public IceInputs? Ice { get; set; }

    public WsjfInputs? Wsjf { get; set; }

    public ValueEffortInputs? ValueEffort { get; set; }

    public MoscowInputs? Moscow { get; set; }

    public KanoAnswers? Kano { get; set; }

    /// <summary>Scores 0–10 by criterion key of the product's weighted model.</summary>
    public Dictionary<string, double> Weighted { get; set; } = [];

    public List<InputRange> Ranges { get; set; } = [];
}
