using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Messaging.Inbox;
using Lodestar.Persistence;
using Lodestar.Security;
using Lodestar.Strategy.Grpc;
using Lodestar.Strategy.Infrastructure;
using Lodestar.Strategy.Domain.Kpis;
using Lodestar.Strategy.Domain.Products;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lodestar.Strategy.IntegrationEvents;

/// <summary>
/// A metric moved: the KPIs that follow it take the value (and announce a status change), and key results bound to it
/// take it as their current value, and the value is kept for
/// those bound later; the active-user metric also feeds the product's stage suggestion.
/// </summary>
public sealed class MetricValueChangedConsumer(
    StrategyDbContext db, WorkspaceContext workspace, IOptions<StageSuggestionOptions> stageSuggestion, ILogger<MetricValueChangedConsumer> logger)
    : IdempotentConsumer<MetricValueChanged, StrategyDbContext>(db, workspace, logger)
{
    protected override async Task HandleAsync(MetricValueChanged message, CancellationToken cancellationToken)
    {
        var measuredAt = StoredTime.Of(message.MeasuredAt);
        await RememberAsync(message, measuredAt, cancellationToken);
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

        if (message.MetricKey == stageSuggestion.Value.MetricKey) await RecordActivityAsync(message, measuredAt, cancellationToken);
    }

    /// <summary>Keeps the metric's latest value for KPIs and key results bound to it later; only for products strategy holds.</summary>
    private async Task RememberAsync(MetricValueChanged message, DateTime measuredAt, CancellationToken cancellationToken)
    {
        if (!await Db.Products.AnyAsync(p => p.Id == message.ProductId, cancellationToken)) return;
        var reading = await Db.MetricReadings.FirstOrDefaultAsync(r => r.ProductId == message.ProductId && r.MetricKey == message.MetricKey, cancellationToken);
        if (reading is null)
            Db.MetricReadings.Add(new MetricReading { ProductId = message.ProductId, MetricKey = message.MetricKey, Value = message.Value, MeasuredAt = measuredAt });
        else reading.Take(message.Value, measuredAt);
    }

    private async Task RecordActivityAsync(MetricValueChanged message, DateTime measuredAt, CancellationToken cancellationToken)
    {
        if (!await Db.Products.AnyAsync(p => p.Id == message.ProductId, cancellationToken)) return;
        var point = await Db.ActivityPoints.FirstOrDefaultAsync(p => p.ProductId == message.ProductId && p.MeasuredAt == measuredAt, cancellationToken);
        if (point is null) Db.ActivityPoints.Add(new ActivityPoint { ProductId = message.ProductId, MeasuredAt = measuredAt, ActiveUsers = message.Value });
        else point.ActiveUsers = message.Value; // a corrected value for the same period
    }
}
