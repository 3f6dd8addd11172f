using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Messaging.Inbox;
using Lodestar.Security;
using Lodestar.Strategy.Grpc;
using Lodestar.Strategy.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Strategy.IntegrationEvents;

/// <summary>
/// A metric moved: the KPIs that follow it take the value (and announce a status change), and key results bound to it
/// take it as their current value.
/// </summary>
public sealed class MetricValueChangedConsumer(StrategyDbContext db, WorkspaceContext workspace, ILogger<MetricValueChangedConsumer> logger)
    : IdempotentConsumer<MetricValueChanged, StrategyDbContext>(db, workspace, logger)
{
    protected override async Task HandleAsync(MetricValueChanged message, CancellationToken cancellationToken)
    {
        var measuredAt = message.MeasuredAt.UtcDateTime;
        measuredAt = new DateTime(measuredAt.Ticks - (measuredAt.Ticks % 10), DateTimeKind.Utc);
        var kpis = await Db.Kpis.Where(k => k.ProductId == message.ProductId && k.MetricKey == message.MetricKey).ToListAsync(cancellationToken);
        foreach (var kpi in kpis)
        {
            var previous = kpi.Status;
            Db.KpiValues.Add(kpi.Record(message.Value, measuredAt));
            if (kpi.Status != previous) KpiGrpcService.RaiseStatusChanged(Db, kpi, previous);
        }

        var keyResults = await Db.KeyResults
            .Where(k => k.MetricKey == message.MetricKey && Db.Goals.Any(g => g.Id == k.GoalId && g.ProductId == message.ProductId))
            .ToListAsync(cancellationToken);
        foreach (var keyResult in keyResults) keyResult.Measure(message.Value, measuredAt);
    }
}
