using Lodestar.Persistence;
using Lodestar.Strategy.Domain;

namespace Lodestar.Strategy.Domain.Goals;

/// <summary>A measurable result of a goal, optionally bound to a metric of the metrics service.</summary>
public sealed class KeyResult : WorkspaceEntity
{
    public const int MaxTitle = 200;
    public const int MaxUnit = 40;

    public Guid GoalId { get; set; }

    public string Title { get; set; } = "";

    public double Baseline { get; set; }

    public double Target { get; set; }

    public double? CurrentValue { get; set; }

    public DateTime? CurrentValueTime { get; set; }

    /// <summary>The complete UTC day the current value describes, when it came from a metric.</summary>
    public DateOnly? CurrentValueDate { get; set; }

    public string Unit { get; set; } = "";

    /// <summary>When set, the current value comes only from MetricValueChanged.</summary>
    public string? MetricKey { get; set; }

    public bool Increases => Target > Baseline;

    /// <summary>(current − baseline) ÷ (target − baseline), clamped to 0–1; right for increasing and decreasing targets.</summary>
    public double Progress => CurrentValue is { } current && Target != Baseline
        ? Math.Clamp((current - Baseline) / (Target - Baseline), 0, 1)
        : 0;

    /// <summary>Takes a metric's value of <paramref name="day"/> unless one of a later day (or a later correction) is held.</summary>
    public bool Measure(double value, DateOnly day, DateTime measuredAt)
    {
        if (!MetricDays.Supersedes(day, measuredAt, CurrentValueDate, CurrentValueTime)) return false;
        CurrentValue = value;
        CurrentValueDate = day;
        CurrentValueTime = measuredAt;
        return true;
    }
}
