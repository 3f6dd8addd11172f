using System.Globalization;
using Lodestar.Api;
using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Discovery.Domain.Insights;
using Lodestar.Discovery.Domain.Problems;
using Lodestar.Discovery.Domain.Products;
using Lodestar.Discovery.Infrastructure;
using Lodestar.Errors;
using Lodestar.Messaging.Inbox;
using Lodestar.Persistence;
using Lodestar.Security;
using Lodestar.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Discovery.IntegrationEvents;

/// <summary>
/// A KPI falling off track opens a problem to investigate, once per breach, with the value as its first evidence (an
/// analytics insight); the breach closes when the KPI leaves off-track, so the next fall opens a new problem.
/// </summary>
public sealed class KpiStatusChangedConsumer(DiscoveryDbContext db, WorkspaceContext workspace, TimeProvider clock, ILogger<KpiStatusChangedConsumer> logger)
    : IdempotentConsumer<KpiStatusChanged, DiscoveryDbContext>(db, workspace, logger)
{
    public const string OffTrack = "off-track";

    protected override async Task HandleAsync(KpiStatusChanged message, CancellationToken cancellationToken)
    {
        var at = StoredTime.Of(message.OccurredAt);
        var open = await Db.KpiBreaches.FirstOrDefaultAsync(b => b.KpiId == message.KpiId && b.ClosedAt == null, cancellationToken);
        if (message.Status != OffTrack)
        {
            if (open is not null && open.OpenedAt <= at) open.ClosedAt = at;
            return;
        }
        if (open is not null) return;
        // A report older than the last close belongs to a breach already closed (events may arrive out of order).
        if (await Db.KpiBreaches.AnyAsync(b => b.KpiId == message.KpiId && b.ClosedAt >= at, cancellationToken)) return;

        // Events of different types may arrive out of order: a product not yet announced is kept until ProductChanged names it.
        if (!await Db.Products.AnyAsync(p => p.Id == message.ProductId, cancellationToken))
            Db.Products.Add(new DiscoveryProduct { Id = message.ProductId, ReportedAt = DateTime.MinValue });
        var value = message.Value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "no value";
        var day = message.AsOfDate is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
        // Strategy says what moved the KPI (value, day, threshold); an older publisher only the value.
        var why = message.Reason is { Length: > 0 } reason ? reason : $"{message.MetricKey} fell off track ({value}).";
        var problem = new Problem
        {
            ProductId = message.ProductId,
            Title = $"KPI {message.MetricKey} off track",
            When = $"{why} Was {message.PreviousStatus}.".Clip(Problem.MaxPart),
            OpenedByKpiId = message.KpiId,
            OpenedByKpiDate = message.AsOfDate,
        };
        var insight = new Insight
        {
            Source = InsightSource.Analytics,
            Summary = $"KPI {message.MetricKey} went off track{(day is null ? "" : $" on {day}")} (was {message.PreviousStatus}): {why}".Clip(Insight.MaxSummary),
            Importance = Insight.MaxImportance,
            CaptureTime = at,
            OriginId = ResourceNames.Format(DiscoveryNames.Kpis, message.KpiId),
            ProductId = message.ProductId,
            Tags = ["kpi", message.MetricKey.Length <= Insight.MaxTag ? message.MetricKey : message.MetricKey[..Insight.MaxTag]],
        };
        Db.Problems.Add(problem);
        Db.Insights.Add(insight);
        Db.ProblemInsights.Add(new ProblemInsight { ProblemId = problem.Id, InsightId = insight.Id });
        Db.KpiBreaches.Add(new KpiBreach { KpiId = message.KpiId, ProblemId = problem.Id, OpenedAt = at });
        await Db.SaveWithEvidenceAsync([problem.Id], clock, cancellationToken);
    }
}
