using Google.Protobuf;
using Lodestar.Metrics.Domain.Experiments;
using Lodestar.Metrics.Grpc;
using Lodestar.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lodestar.Metrics.Infrastructure;

/// <summary>
/// Analyses every running experiment at Metrics:Experiments:MonitorInterval, keeping each variant's smallest
/// always-valid p-value (so daily looks count even when nobody asks), and concludes an experiment on its own once the
/// planned sample or the sequential boundary gives a verdict.
/// </summary>
public sealed class ExperimentMonitor(IServiceScopeFactory scopes, IOptions<MetricsOptions> options, TimeProvider clock, ILogger<ExperimentMonitor> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Experiments.MonitorInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CheckAllAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Checking running experiments failed; retrying at the next interval");
            }
        }
    }

    public async Task CheckAllAsync(CancellationToken cancellationToken)
    {
        List<(Guid Id, Guid WorkspaceId)> running;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MetricsDbContext>();
            running = (await db.Experiments.IgnoreQueryFilters().AsNoTracking().Where(e => e.State == ExperimentState.Running)
                .Select(e => new { e.Id, e.WorkspaceId }).ToListAsync(cancellationToken)).Select(e => (e.Id, e.WorkspaceId)).ToList();
        }
        foreach (var (id, workspaceId) in running)
        {
            try
            {
                await CheckAsync(id, workspaceId, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Checking experiment {ExperimentId} failed", id);
            }
        }
    }

    private async Task CheckAsync(Guid id, Guid workspaceId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<WorkspaceContext>().Enter(workspaceId, WorkspaceRole.Editor, "service:experiment-monitor");
        var db = scope.ServiceProvider.GetRequiredService<MetricsDbContext>();
        var concluder = scope.ServiceProvider.GetRequiredService<ExperimentConcluder>();
        var experiment = await db.Experiments.FirstOrDefaultAsync(e => e.Id == id && e.State == ExperimentState.Running, cancellationToken);
        if (experiment is null || await db.ExposureCountAsync(id, cancellationToken) == 0) return;
        var figures = await concluder.AnalyzeAsync(experiment, cancellationToken);
        if (figures.Recommendation != Verdict.None)
        {
            var snapshot = JsonFormatter.Default.Format(ExperimentMapping.ToProto(figures, clock.GetUtcNow().UtcDateTime));
            concluder.Conclude(experiment, figures, Verdict.None, null, automatic: true, snapshot);
            logger.LogInformation("Experiment {ExperimentId} concluded on its own: {Verdict}. {Reason}", id, experiment.Verdict, experiment.ConclusionReason);
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
