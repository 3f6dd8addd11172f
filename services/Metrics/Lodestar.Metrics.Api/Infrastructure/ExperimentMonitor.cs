using Lodestar.Metrics.Domain.Experiments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lodestar.Metrics.Infrastructure;

/// <summary>
/// Analyses every running experiment at Metrics:Experiments:MonitorInterval, keeping each variant's smallest
/// always-valid p-value (so daily looks count even when nobody asks), and concludes an experiment on its own once the
/// planned sample or the sequential boundary gives a verdict.
/// </summary>
public sealed class ExperimentMonitor(IServiceScopeFactory scopes, IOptions<MetricsOptions> options, TimeProvider clock, ILogger<ExperimentMonitor> logger)
    : PeriodicWorkspaceWorker(scopes, clock, logger)
{
    protected override TimeSpan Interval => options.Value.Experiments.MonitorInterval;

    protected override string Actor => "service:experiment-monitor";

    protected override async Task<List<(Guid Id, Guid WorkspaceId)>> DueAsync(MetricsDbContext db, CancellationToken cancellationToken) =>
        (await db.Experiments.IgnoreQueryFilters().AsNoTracking().Where(e => e.State == ExperimentState.Running)
            .Select(e => new { e.Id, e.WorkspaceId }).ToListAsync(cancellationToken)).Select(e => (e.Id, e.WorkspaceId)).ToList();

    protected override async Task ProcessAsync(IServiceProvider services, Guid id, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<MetricsDbContext>();
        var concluder = services.GetRequiredService<ExperimentConcluder>();
        var experiment = await db.Experiments.FirstOrDefaultAsync(e => e.Id == id && e.State == ExperimentState.Running, cancellationToken);
        if (experiment is null || await concluder.TryAnalyzeAsync(experiment, cancellationToken) is not { } figures) return;
        if (figures.Recommendation != Verdict.None)
        {
            concluder.Conclude(experiment, figures, Verdict.None, null, automatic: true);
            await db.SaveChangesAsync(cancellationToken); // a conflict leaves it running; the next interval looks again
            logger.LogInformation("Experiment {ExperimentId} concluded on its own: {Verdict}. {Reason}", id, experiment.Verdict, experiment.ConclusionReason);
            return;
        }
        await concluder.SaveRememberedPValuesAsync(experiment, cancellationToken);
    }
}
