using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Messaging.Outbox;
using Lodestar.Metrics.Domain.Events;
using Lodestar.Metrics.Domain.Values;
using Lodestar.Metrics.Infrastructure.Aggregates;
using Lodestar.Persistence;
using Lodestar.Security;
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
    : BackgroundService
{
    private const double Tolerance = 1e-9;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Values.RecomputeInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RecomputeAllAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Recomputing metric values failed; retrying at the next interval");
            }
        }
    }

    public async Task RecomputeAllAsync(CancellationToken cancellationToken)
    {
        var today = UtcDays.Of(clock.GetUtcNow().UtcDateTime);
        List<(Guid Id, Guid WorkspaceId)> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MetricsDbContext>();
            due = (await db.Products.IgnoreQueryFilters().AsNoTracking()
                .Where(p => !p.Archived && (p.MetricsStale || (p.MetricsComputedDay < today && p.IngestRevision > 0)))
                .Select(p => new { p.Id, p.WorkspaceId }).ToListAsync(cancellationToken)).Select(p => (p.Id, p.WorkspaceId)).ToList();
        }
        foreach (var (id, workspaceId) in due)
        {
            try
            {
                await RecomputeAsync(id, workspaceId, today, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Recomputing the metric values of product {ProductId} failed", id);
            }
        }
    }

    private async Task RecomputeAsync(Guid productId, Guid workspaceId, int today, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<WorkspaceContext>().Enter(workspaceId, WorkspaceRole.Editor, "service:metric-values");
        var db = scope.ServiceProvider.GetRequiredService<MetricsDbContext>();
        var product = await db.Products.AsNoTracking().FirstAsync(p => p.Id == productId, cancellationToken);
        await scope.ServiceProvider.GetRequiredService<AggregateRebuilder>().EnsureCurrentAsync(product, cancellationToken);
        var computed = await scope.ServiceProvider.GetRequiredService<MetricValueCalculator>().ComputeAsync(productId, UtcDays.ToDate(today), cancellationToken);

        var measuredAt = StoredTime.Of(clock.GetUtcNow());
        var stored = await db.MetricValues.Where(v => v.ProductId == productId).ToDictionaryAsync(v => v.MetricKey, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var (key, value) in computed)
        {
            if (stored.TryGetValue(key, out var known) && Math.Abs(known.Value - value) < Tolerance) continue;
            if (known is null) db.MetricValues.Add(known = new MetricValue { WorkspaceId = workspaceId, ProductId = productId, MetricKey = key });
            known.Value = value;
            known.MeasuredAt = measuredAt;
            db.AddIntegrationEvent(new MetricValueChanged(productId, key, value, measuredAt) { WorkspaceId = workspaceId });
        }
        await db.Products.Where(p => p.Id == productId && p.MetricsRevision == product.MetricsRevision)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.MetricsStale, false).SetProperty(p => p.MetricsComputedDay, today), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
