using System.Globalization;
using Lodestar.Discovery.Domain.Insights;
using Lodestar.Errors;
using Lodestar.Persistence;

namespace Lodestar.Discovery.Domain.Problems;

/// <summary>
/// A strategy KPI that went off track, and the problem opened for it. One problem per breach: the breach stays open
/// until the KPI leaves off-track, and the next fall opens a new one.
/// </summary>
public sealed class KpiBreach : WorkspaceEntity
{
    public Guid KpiId { get; set; }

    public Guid ProblemId { get; set; }

    public DateTime OpenedAt { get; set; }

    public DateTime? ClosedAt { get; set; }

    /// <summary>
    /// Opens a breach for <paramref name="fall"/>: a problem titled after the metric, saying what moved it, and an
    /// analytics insight of the highest importance as its first evidence.
    /// </summary>
    public static KpiBreachOpening Open(KpiFall fall)
    {
        var value = fall.Value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "no value";
        var day = fall.AsOfDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // Strategy says what moved the KPI (value, day, threshold); an older publisher only the value.
        var why = fall.Reason is { Length: > 0 } reason ? reason : $"{fall.MetricKey} fell off track ({value}).";
        var problem = new Problem
        {
            ProductId = fall.ProductId,
            Title = $"KPI {fall.MetricKey} off track",
            When = $"{why} Was {fall.PreviousStatus}.".Clip(Problem.MaxPart),
            OpenedByKpiId = fall.KpiId,
            OpenedByKpiDate = fall.AsOfDate,
        };
        var insight = new Insight
        {
            Source = InsightSource.Analytics,
            Summary = $"KPI {fall.MetricKey} went off track{(day is null ? "" : $" on {day}")} (was {fall.PreviousStatus}): {why}".Clip(Insight.MaxSummary),
            Importance = Insight.MaxImportance,
            CaptureTime = fall.At,
            OriginId = fall.KpiName,
            ProductId = fall.ProductId,
            Tags = ["kpi", fall.MetricKey.Length <= Insight.MaxTag ? fall.MetricKey : fall.MetricKey[..Insight.MaxTag]],
        };
        var breach = new KpiBreach { KpiId = fall.KpiId, ProblemId = problem.Id, OpenedAt = fall.At };
        return new KpiBreachOpening(breach, problem, insight, new ProblemInsight { ProblemId = problem.Id, InsightId = insight.Id });
    }

    /// <summary>Closes the breach when the KPI left off-track at <paramref name="at"/>; a report older than the opening changes nothing.</summary>
    public void CloseAt(DateTime at)
    {
        if (OpenedAt <= at) ClosedAt = at;
    }
}
