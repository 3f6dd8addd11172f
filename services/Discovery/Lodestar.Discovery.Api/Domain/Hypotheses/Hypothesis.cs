using System.Globalization;
using Lodestar.Persistence;

namespace Lodestar.Discovery.Domain.Hypotheses;

/// <summary>"We believe (change) for (persona) will (outcome); we will know when (metric) moves by (minimum effect)".</summary>
public sealed class Hypothesis : WorkspaceEntity
{
    public const int MaxText = 500;
    public const int MaxMetricKey = 100;
    public const double MaxEffect = 100;

    public Guid ProductId { get; set; }

    public string Change { get; set; } = "";

    public Guid? PersonaId { get; set; }

    public string Outcome { get; set; } = "";

    public string MetricKey { get; set; } = "";

    public double MinimumEffect { get; set; }

    public Guid? ProblemId { get; set; }

    public Guid? ExperimentId { get; set; }

    /// <summary>The backlog item (candidate solution) it tests.</summary>
    public Guid? BacklogItemId { get; set; }

    public HypothesisStatus Status { get; set; } = HypothesisStatus.Draft;

    public ExperimentResult? Result { get; set; }

    /// <summary>The status as integration events name it: "draft", "testing", "validated", "invalidated", "inconclusive".</summary>
    public static string EventName(HypothesisStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>
    /// Takes an experiment's conclusion: the result, held to this hypothesis's minimum effect (<see cref="HypothesisVerdict"/>),
    /// and the status it gives. A conclusion older than the result already kept changes nothing. True when the status moved.
    /// </summary>
    public bool Conclude(ExperimentConclusion conclusion)
    {
        if (Result is { } kept && kept.ConcludedAt > conclusion.ConcludedAt) return false;
        ExperimentId ??= conclusion.ExperimentId;
        var (status, reason) = HypothesisVerdict.Judge(conclusion.Verdict, MinimumEffect, conclusion.RelativeLift, conclusion.IntervalLow, conclusion.IntervalHigh, conclusion.Reason);
        Result = new ExperimentResult
        {
            ExperimentId = conclusion.ExperimentId,
            Verdict = EventName(status),
            PValue = conclusion.PValue,
            ConcludedAt = conclusion.ConcludedAt,
            Variant = conclusion.Variant,
            RelativeLift = conclusion.RelativeLift,
            IntervalLow = conclusion.IntervalLow,
            IntervalHigh = conclusion.IntervalHigh,
            MinimumEffect = MinimumEffect,
            Reason = reason,
        };
        if (Status == status) return false;
        Status = status;
        return true;
    }

    public string Statement(string? persona) => string.Create(CultureInfo.InvariantCulture,
        $"We believe {Change}{(persona is null ? "" : $" for {persona}")} will {Outcome}; we will know when {MetricKey} moves by {MinimumEffect:0.###}.");
}
