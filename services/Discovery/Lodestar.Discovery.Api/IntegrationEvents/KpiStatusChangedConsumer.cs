using Lodestar.Api;
using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Discovery.Domain.Problems;
using Lodestar.Discovery.Domain.Products;
using Lodestar.Discovery.Infrastructure;
using Lodestar.Messaging.Inbox;
using Lodestar.Persistence;
using Lodestar.Security;
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
            open?.CloseAt(at);
            return;
        }
        if (open is not null) return;
        // A report older than the last close belongs to a breach already closed (events may arrive out of order).
        if (await Db.KpiBreaches.AnyAsync(b => b.KpiId == message.KpiId && b.ClosedAt >= at, cancellationToken)) return;

        // Events of different types may arrive out of order: a product not yet announced is kept until ProductChanged names it.
        if (!await Db.Products.AnyAsync(p => p.Id == message.ProductId, cancellationToken))
            Db.Products.Add(new DiscoveryProduct { Id = message.ProductId, ReportedAt = DateTime.MinValue });
        var opening = KpiBreach.Open(new KpiFall(message.KpiId, ResourceNames.Format(DiscoveryNames.Kpis, message.KpiId), message.ProductId,
            message.MetricKey, message.PreviousStatus, message.Value, message.AsOfDate, message.Reason, at));
        Db.Problems.Add(opening.Problem);
        Db.Insights.Add(opening.Insight);
        Db.ProblemInsights.Add(opening.Link);
        Db.KpiBreaches.Add(opening.Breach);
        await Db.SaveWithEvidenceAsync([opening.Problem.Id], clock, cancellationToken);
    }
}
