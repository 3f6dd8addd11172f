using System.Collections.Concurrent;
using Lodestar.Gateway.Infrastructure;
using Lodestar.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lodestar.Gateway.Access;

/// <summary>
/// Keeps API keys' last-use times without a database write per call: uses are noted in memory and written every
/// UsageFlushInterval (and at shutdown), each replica moving a key's time only forward.
/// </summary>
public sealed class ApiKeyUsage(IServiceScopeFactory scopes, IOptions<AccessOptions> options, TimeProvider time, ILogger<ApiKeyUsage> logger)
    : BackgroundService
{
    private ConcurrentDictionary<Guid, DateTime> _pending = new();

    public void Record(Guid keyId) => _pending[keyId] = StoredTime.Of(time.GetUtcNow());

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.UsageFlushInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await FlushAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync flushes what is left.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken);
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_pending.IsEmpty) return;
        var uses = Interlocked.Exchange(ref _pending, new ConcurrentDictionary<Guid, DateTime>());
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
            foreach (var (keyId, usedAt) in uses)
            {
                await db.ApiKeys
                    .Where(k => k.Id == keyId && (k.LastUseTime == null || k.LastUseTime < usedAt))
                    .ExecuteUpdateAsync(set => set.SetProperty(k => k.LastUseTime, usedAt), cancellationToken);
            }
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            foreach (var (keyId, usedAt) in uses) _pending.AddOrUpdate(keyId, usedAt, (_, later) => later > usedAt ? later : usedAt);
            logger.LogWarning(ex, "API key last-use times not written; retrying at the next flush");
        }
    }
}
