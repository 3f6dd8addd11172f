namespace Lodestar.Contracts.IntegrationEvents;

/// <summary>
/// An experiment reached its verdict (validated, invalidated or inconclusive) for a hypothesis, with the figures of the
/// variant it rests on: the relative lift over the control and its 95 % interval (the absolute interval ÷ the control's
/// rate), so that discovery can hold the lift to the smallest effect the hypothesis said matters.
/// </summary>
public sealed record ExperimentConcluded(Guid ExperimentId, Guid? HypothesisId, string Verdict, double? PValue) : IntegrationEvent
{
    /// <summary>The variant the verdict rests on.</summary>
    public string? Variant { get; init; }

    /// <summary>(variant rate − control rate) ÷ control rate; null when the control never converted.</summary>
    public double? RelativeLift { get; init; }

    public double? RelativeIntervalLow { get; init; }

    public double? RelativeIntervalHigh { get; init; }

    /// <summary>Why the experiment concluded as it did.</summary>
    public string? Reason { get; init; }
}
