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
/// Every Metrics:Values:RecomputeInterval, recomputes the metric values of products whose data changed (or whose values
/// are from an earlier day), stores the changed ones and publishes MetricValueChanged for each in the same
/// transaction. The stale mark is cleared only if no change arrived meanwhile, so nothing is missed; a product is
/// recomputed at most once per interval.
/// </summary>
public sealed class MetricValueRecorder(IServiceScopeFactory scopes, IOptions<MetricsOptions> options, TimeProvider clock, ILogger<MetricValueRecorder> logger)
    : PeriodicWorkspaceWorker(scopes, clock, logger)
{
    private const double Tolerance = 1e-9;

    private int Today => UtcDays.Of(Clock.GetUtcNow().UtcDateTime);

    protected override TimeSpan Interval => options.Value.Values.RecomputeInterval;

    protected override string Actor => "service:metric-values";

    protected override async Task<List<(Guid Id, Guid WorkspaceId)>> DueAsync(MetricsDbContext db, CancellationToken cancellationToken)
    {
        var today = Today;
        return (await db.Products.IgnoreQueryFilters().AsNoTracking()
            .Where(p => !p.Archived && (p.MetricsStale || (p.MetricsComputedDay < today && p.IngestRevision > 0)))
            .Select(p => new { p.Id, p.WorkspaceId }).ToListAsync(cancellationToken)).Select(p => (p.Id, p.WorkspaceId)).ToList();
    }

    protected override async Task ProcessAsync(IServiceProvider services, Guid id, CancellationToken cancellationToken)
    {
        var productId = id;
        var today = Today;
        var db = services.GetRequiredService<MetricsDbContext>();
        var product = await db.Products.AsNoTracking().FirstAsync(p => p.Id == productId, cancellationToken);
        await services.GetRequiredService<AggregateRebuilder>().EnsureCurrentAsync(product, cancellationToken);
        var computed = await services.GetRequiredService<MetricValueCalculator>().ComputeAsync(productId, UtcDays.ToDate(today), cancellationToken);

        var measuredAt = StoredTime.Of(Clock.GetUtcNow());
        var stored = await db.MetricValues.Where(v => v.ProductId == productId).ToDictionaryAsync(v => v.MetricKey, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var (key, value) in computed)
        {
            if (stored.TryGetValue(key, out var known) && Math.Abs(known.Value - value) < Tolerance) continue;
            if (known is null) db.MetricValues.Add(known = new MetricValue { WorkspaceId = product.WorkspaceId, ProductId = productId, MetricKey = key });
            known.Value = value;
            known.MeasuredAt = measuredAt;
            db.AddIntegrationEvent(new MetricValueChanged(productId, key, value, measuredAt) { WorkspaceId = product.WorkspaceId });
        }
        await db.Products.Where(p => p.Id == productId && p.MetricsRevision == product.MetricsRevision)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.MetricsStale, false).SetProperty(p => p.MetricsComputedDay, today), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
