using Lodestar.Security;

namespace Lodestar.Metrics.Infrastructure;

/// <summary>
/// A background job that wakes up at an interval, finds the records due (across workspaces), and processes each in a
/// scope of its own, acting in the record's workspace as the service. A failing record is logged and retried at the
/// next interval; it does not stop the others.
/// </summary>
public abstract class PeriodicWorkspaceWorker(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : BackgroundService
{
    /// <summary>How long between runs.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>The name the service acts under, e.g. "service:metric-values".</summary>
    protected abstract string Actor { get; }

    /// <summary>The records due now: their ids and workspaces, read without a workspace filter.</summary>
    protected abstract Task<List<(Guid Id, Guid WorkspaceId)>> DueAsync(MetricsDbContext db, CancellationToken cancellationToken);

    /// <summary>Processes one record in a scope acting in its workspace.</summary>
    protected abstract Task ProcessAsync(IServiceProvider services, Guid id, CancellationToken cancellationToken);

    protected TimeProvider Clock => clock;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "{Worker} failed; retrying at the next interval", GetType().Name);
            }
        }
    }

    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        List<(Guid Id, Guid WorkspaceId)> due;
        await using (var scope = scopes.CreateAsyncScope())
            due = await DueAsync(scope.ServiceProvider.GetRequiredService<MetricsDbContext>(), cancellationToken);
        foreach (var (id, workspaceId) in due)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<WorkspaceContext>().Enter(workspaceId, WorkspaceRole.Editor, Actor);
                await ProcessAsync(scope.ServiceProvider, id, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "{Worker} failed on {Id}", GetType().Name, id);
            }
        }
    }
}
