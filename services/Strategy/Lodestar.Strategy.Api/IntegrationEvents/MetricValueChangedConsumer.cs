using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Messaging.Inbox;
using Lodestar.Persistence;
using Lodestar.Security;
using Lodestar.Strategy.Infrastructure;
using Lodestar.Strategy.Domain;
using Lodestar.Strategy.Domain.Kpis;
using Lodestar.Strategy.Domain.Products;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Strategy.IntegrationEvents;

/// <summary>
/// A metric's value of a day moved: the KPIs that follow it take the value (the latest day's sets the status, which is
/// announced when the value is current), key results bound to it take it as their current value, and the value is kept
/// for those bound later; the active-user metrics (wau, mau) also feed the product's stage suggestion.
/// </summary>
public sealed class MetricValueChangedConsumer(
    StrategyDbContext db, WorkspaceContext workspace, TimeProvider clock, ILogger<MetricValueChangedConsumer> logger)
    : IdempotentConsumer<MetricValueChanged, StrategyDbContext>(db, workspace, logger)
{
    protected override async Task HandleAsync(MetricValueChanged message, CancellationToken cancellationToken)
    {
        var measuredAt = StoredTime.Of(message.MeasuredAt);
        var day = MetricDays.DayOf(message.AsOfDate, measuredAt);
        await RememberAsync(message, day, measuredAt, cancellationToken);
        var kpis = await Db.Kpis.Where(k => k.ProductId == message.ProductId && k.MetricKey == message.MetricKey).ToListAsync(cancellationToken);
        // Only the last complete day's value (or a later one) is current: earlier days are history being caught up.
        var current = day >= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-1);
        foreach (var kpi in kpis)
        {
            var entry = kpi.Record(message.Value, day, measuredAt);
            // One history entry per day: a correction of the day replaces it.
            var known = await Db.KpiValues.FirstOrDefaultAsync(v => v.KpiId == kpi.Id && v.Date == day, cancellationToken);
            if (known is null) Db.KpiValues.Add(entry);
            else if (measuredAt >= known.MeasureTime) (known.Value, known.MeasureTime, known.Status) = (entry.Value, entry.MeasureTime, entry.Status);
            if (current && kpi.Announce(out var previous)) Db.AnnounceStatusChanged(kpi, previous);
        }

        var keyResults = await Db.KeyResults
            .Where(k => k.MetricKey == message.MetricKey && Db.Goals.Any(g => g.Id == k.GoalId && g.ProductId == message.ProductId))
            .ToListAsync(cancellationToken);
        foreach (var keyResult in keyResults) keyResult.Measure(message.Value, day, measuredAt);

        if (StageSuggestionOptions.PeriodDays.ContainsKey(message.MetricKey)) await RecordActivityAsync(message, day, measuredAt, cancellationToken);
    }

    /// <summary>Keeps the metric's latest value for KPIs and key results bound to it later; only for products strategy holds.</summary>
    private async Task RememberAsync(MetricValueChanged message, DateOnly day, DateTime measuredAt, CancellationToken cancellationToken)
    {
        if (!await Db.Products.AnyAsync(p => p.Id == message.ProductId, cancellationToken)) return;
        var reading = await Db.MetricReadings.FirstOrDefaultAsync(r => r.ProductId == message.ProductId && r.MetricKey == message.MetricKey, cancellationToken);
        if (reading is null)
            Db.MetricReadings.Add(new MetricReading { ProductId = message.ProductId, MetricKey = message.MetricKey, Value = message.Value, Date = day, MeasuredAt = measuredAt });
        else reading.Take(message.Value, day, measuredAt);
    }

    /// <summary>Keeps every day's value of the active-user metrics, whichever one the product's stage is read from.</summary>
    private async Task RecordActivityAsync(MetricValueChanged message, DateOnly day, DateTime measuredAt, CancellationToken cancellationToken)
    {
        if (!await Db.Products.AnyAsync(p => p.Id == message.ProductId, cancellationToken)) return;
        var point = await Db.ActivityPoints.FirstOrDefaultAsync(p => p.ProductId == message.ProductId && p.MetricKey == message.MetricKey && p.Date == day, cancellationToken);
        if (point is null)
            Db.ActivityPoints.Add(new ActivityPoint { ProductId = message.ProductId, MetricKey = message.MetricKey, Date = day, MeasuredAt = measuredAt, ActiveUsers = message.Value });
        else if (measuredAt >= point.MeasuredAt) (point.ActiveUsers, point.MeasuredAt) = (message.Value, measuredAt); // a correction of the day
    }
}
