using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Messaging.Outbox;
using Lodestar.Metrics.Domain.Events;
using Lodestar.Metrics.Domain.Values;
using Lodestar.Metrics.Infrastructure.Aggregates;
using Lodestar.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lodestar.Metrics.Infrastructure;

/// <summary>
/// Every Metrics:Values:RecomputeInterval, computes the metric values of complete UTC days only (a running day would
/// read low every morning): each day that has become complete, and each earlier day a change reached (late events,
/// survey answers, funnels), back to Metrics:Values:HistoryDays. Values that moved are stored with their day and
/// published as MetricValueChanged in the same transaction, oldest day first. The stale mark is cleared only if no change
/// arrived meanwhile, so nothing is missed; a product is recomputed at most once per interval. A product whose metric
/// catalog was never published (created before it) has it published here once.
/// </summary>
public sealed class MetricValueRecorder(IServiceScopeFactory scopes, IOptions<MetricsOptions> options, TimeProvider clock, ILogger<MetricValueRecorder> logger)
    : PeriodicWorkspaceWorker(scopes, clock, logger)
{
    private const double Tolerance = 1e-9;

    /// <summary>The last complete UTC day.</summary>
    private int LastCompleteDay => UtcDays.Of(Clock.GetUtcNow().UtcDateTime) - 1;

    protected override TimeSpan Interval => options.Value.Values.RecomputeInterval;

    protected override string Actor => "service:metric-values";

    protected override async Task<List<(Guid Id, Guid WorkspaceId)>> DueAsync(MetricsDbContext db, CancellationToken cancellationToken)
    {
        var lastComplete = LastCompleteDay;
        // A change on the running day waits for the day to end; one on a complete day is computed now.
        return (await db.Products.IgnoreQueryFilters().AsNoTracking()
            .Where(p => !p.Archived && (p.CatalogRevision == 0 || (p.MetricsStale && (p.MetricsDirtyFrom == null || p.MetricsDirtyFrom <= lastComplete)) || (p.MetricsComputedDay < lastComplete && p.IngestRevision > 0)))
            .Select(p => new { p.Id, p.WorkspaceId }).ToListAsync(cancellationToken)).Select(p => (p.Id, p.WorkspaceId)).ToList();
    }

    protected override async Task ProcessAsync(IServiceProvider services, Guid id, CancellationToken cancellationToken)
    {
        var lastComplete = LastCompleteDay;
        var db = services.GetRequiredService<MetricsDbContext>();
        var product = await db.Products.AsNoTracking().FirstAsync(p => p.Id == id, cancellationToken);
        if (product.CatalogRevision == 0)
        {
            await AnnounceCatalogAsync(db, id, cancellationToken);
            // Due only for its catalog: nothing ingested and nothing changed, so there are no values to compute.
            if (product.IngestRevision == 0 && !product.MetricsStale) return;
        }
        var earliest = lastComplete - (options.Value.Values.HistoryDays - 1);
        var firstDay = Math.Max(earliest, Math.Min(product.MetricsComputedDay == 0 ? earliest : product.MetricsComputedDay + 1, product.MetricsDirtyFrom ?? int.MaxValue));
        if (firstDay <= lastComplete) await RecordAsync(services, db, product, firstDay, lastComplete, cancellationToken);
        await db.Products.Where(p => p.Id == id && p.MetricsRevision == product.MetricsRevision)
            .ExecuteUpdateAsync(set => set
                .SetProperty(p => p.MetricsStale, false)
                .SetProperty(p => p.MetricsDirtyFrom, (int?)null)
                .SetProperty(p => p.MetricsComputedDay, lastComplete), cancellationToken);
    }

    private async Task RecordAsync(IServiceProvider services, MetricsDbContext db, Domain.Products.MetricsProduct product, int firstDay, int lastDay, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<AggregateRebuilder>().EnsureCurrentAsync(product, cancellationToken);
        var computed = await services.GetRequiredService<MetricValueCalculator>().ComputeAsync(product.Id, firstDay, lastDay, cancellationToken);
        var days = computed.SkipWhile(d => IsBeforeAnyData(d.Value)).ToList();
        if (days.Count == 0) return;

        var measuredAt = StoredTime.Of(Clock.GetUtcNow());
        var from = days[0].Key;
        var history = await db.MetricDayValues.Where(v => v.ProductId == product.Id && v.Day >= from && v.Day <= lastDay)
            .ToDictionaryAsync(v => (v.MetricKey, v.Day), cancellationToken);
        var latest = await db.MetricValues.Where(v => v.ProductId == product.Id).ToDictionaryAsync(v => v.MetricKey, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var (day, values) in days)
        {
            foreach (var (key, value) in values)
            {
                if (history.TryGetValue((key, day), out var known) && Math.Abs(known.Value - value) < Tolerance) continue;
                if (known is null) db.MetricDayValues.Add(known = new MetricDayValue { WorkspaceId = product.WorkspaceId, ProductId = product.Id, MetricKey = key, Day = day });
                known.Value = value;
                known.MeasuredAt = measuredAt;
                Latest(db, latest, product, key).Take(value, day, measuredAt);
                db.AddIntegrationEvent(new MetricValueChanged(product.Id, key, value, measuredAt) { WorkspaceId = product.WorkspaceId, AsOfDate = UtcDays.ToDate(day) });
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A product from before the metric catalog (or new and without funnels) is announced once.</summary>
    private static async Task AnnounceCatalogAsync(MetricsDbContext db, Guid id, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.AnnounceAsync(id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Days before the product's first activity (nobody active in the 30 days ending them, no survey or funnel value) hold no value.</summary>
    private static bool IsBeforeAnyData(Dictionary<string, double> values) =>
        values.GetValueOrDefault(MetricKeys.Mau) == 0 && values.Keys.All(k => MetricKeys.Daily.Contains(k));

    private static MetricValue Latest(MetricsDbContext db, Dictionary<string, MetricValue> latest, Domain.Products.MetricsProduct product, string key)
    {
        if (latest.TryGetValue(key, out var value)) return value;
        db.MetricValues.Add(value = new MetricValue { WorkspaceId = product.WorkspaceId, ProductId = product.Id, MetricKey = key, Day = int.MinValue });
        return latest[key] = value;
    }
}
