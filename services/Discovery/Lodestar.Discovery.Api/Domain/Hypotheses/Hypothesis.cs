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

    public string Statement(string? persona) => string.Create(CultureInfo.InvariantCulture,
        $"We believe {Change}{(persona is null ? "" : $" for {persona}")} will {Outcome}; we will know when {MetricKey} moves by {MinimumEffect:0.###}.");
}
