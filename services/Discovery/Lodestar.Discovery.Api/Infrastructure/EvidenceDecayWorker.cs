using Lodestar.Discovery.Domain.Problems;
using Lodestar.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lodestar.Discovery.Infrastructure;

/// <summary>
/// Moves every problem's evidence summary on to the new UTC day: recency weights decay with time, not only when
/// evidence changes, so problems computed on different days would rank unfairly (one frozen at last quarter's weight
/// above one computed today). Each problem with evidence is recomputed once a day, in batches per workspace, and a
/// summary that moved is published as ProblemEvidenceChanged (backlog re-scores). Cost: one recomputation and, for a
/// problem with evidence, one event per problem per day.
/// </summary>
public sealed class EvidenceDecayWorker(IServiceScopeFactory scopes, IOptions<EvidenceDecayOptions> options, TimeProvider clock, ILogger<EvidenceDecayWorker> logger)
    : BackgroundService
{
    private const string Actor = "service:evidence-decay";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RefreshInterval, clock);
        do
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "The evidence decay refresh failed; retrying at the next interval");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Recomputes, as of the start of today (UTC), every problem with evidence last computed before it.</summary>
    public async Task<int> RefreshAsync(CancellationToken cancellationToken)
    {
        var asOf = EvidenceCalculator.AsOf(clock.GetUtcNow());
        var refreshed = 0;
        while (true)
        {
            List<(Guid Id, Guid WorkspaceId)> due;
            await using (var scope = scopes.CreateAsyncScope())
            {
                due = (await scope.ServiceProvider.GetRequiredService<DiscoveryDbContext>().Problems.IgnoreQueryFilters().AsNoTracking()
                        .Where(p => p.InsightCount > 0 && (p.EvidenceComputedAt == null || p.EvidenceComputedAt < asOf))
                        .OrderBy(p => p.Id).Take(options.Value.BatchSize).Select(p => new { p.Id, p.WorkspaceId }).ToListAsync(cancellationToken))
                    .Select(p => (p.Id, p.WorkspaceId)).ToList();
            }
            if (due.Count == 0) return refreshed;
            foreach (var workspace in due.GroupBy(p => p.WorkspaceId))
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<WorkspaceContext>().Enter(workspace.Key, WorkspaceRole.Editor, Actor);
                var db = scope.ServiceProvider.GetRequiredService<DiscoveryDbContext>();
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await db.RefreshEvidenceAsync([.. workspace.Select(p => p.Id)], asOf, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                refreshed += workspace.Count();
            }
        }
    }
}
