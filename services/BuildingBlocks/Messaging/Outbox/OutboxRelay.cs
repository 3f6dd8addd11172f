using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lodestar.Messaging.Outbox;

/// <summary>
/// Relays committed outbox rows to RabbitMQ with publisher confirms. A row is marked dispatched only after the broker
/// confirmed it; a failed row is retried with exponential backoff, so broker outages and process restarts lose
/// nothing. Delivery is at least once (a crash between confirm and mark republishes): consumers dedupe by event id.
/// </summary>
public sealed class OutboxRelay<TContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    ILogger<OutboxRelay<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    internal static readonly ActivitySource Source = new("Lodestar.Messaging");
    private readonly OutboxOptions _options = options.Value;
    private DateTime _nextCleanup = DateTime.UtcNow;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var relayed = 0;
            try
            {
                relayed = await RelayBatchAsync(stoppingToken);
                await CleanupAsync(stoppingToken);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                failures++;
                logger.LogWarning(ex, "Outbox relay round failed ({Failures} in a row); retrying", failures);
                await Task.Delay(Backoff(failures), stoppingToken);
            }
            if (relayed < _options.BatchSize)
                await signal.WaitAsync(_options.PollInterval, stoppingToken);
        }
    }

    private async Task<int> RelayBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var now = DateTime.UtcNow;
        var batch = await db.Set<OutboxMessage>()
            .Where(m => m.DispatchedAt == null && (m.NextAttemptAt == null || m.NextAttemptAt <= now))
            .OrderBy(m => m.Id)
            .Take(_options.BatchSize)
            .ToListAsync(cancellationToken);
        if (batch.Count == 0) return 0;

        var errors = await Task.WhenAll(batch.Select(m => PublishAsync(m, cancellationToken)));
        var dispatched = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            var message = batch[i];
            if (errors[i] is null)
            {
                message.DispatchedAt = DateTime.UtcNow;
                dispatched++;
                continue;
            }
            message.Attempts++;
            message.LastError = errors[i];
            message.NextAttemptAt = DateTime.UtcNow + Backoff(message.Attempts);
        }
        // Not cancellable: what the broker confirmed must be recorded, or it is published again.
        await db.SaveChangesAsync(CancellationToken.None);
        if (dispatched < batch.Count)
            logger.LogWarning("Outbox relay published {Dispatched} of {Count} events; first error: {Error}",
                dispatched, batch.Count, errors.First(e => e is not null));
        return dispatched;
    }

    private async Task<string?> PublishAsync(OutboxMessage row, CancellationToken cancellationToken)
    {
        var type = IntegrationEventTypes.Resolve(row.EventType);
        if (type is null) return $"Unknown event type {row.EventType}; kept for a build that knows it.";
        try
        {
            var message = JsonSerializer.Deserialize(row.Payload, type, OutboxExtensions.Json)
                ?? throw new JsonException("The payload is null.");
            ActivityContext.TryParse(row.TraceParent, row.TraceState, out var parent);
            using var activity = Source.StartActivity($"{type.Name} relay", ActivityKind.Producer, parent);
            activity?.SetTag("messaging.message.id", row.EventId);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.PublishTimeout);
            await bus.Publish(message, type, Pipe.Execute<PublishContext>(context => context.MessageId = row.EventId), timeout.Token);
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"No broker confirm within {_options.PublishTimeout.TotalSeconds:0.#} s.";
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return $"{ex.GetType().Name}: {ex.Message}";
        }
    }

    private async Task CleanupAsync(CancellationToken cancellationToken)
    {
        if (DateTime.UtcNow < _nextCleanup) return;
        _nextCleanup = DateTime.UtcNow.AddMinutes(10);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var cutoff = DateTime.UtcNow - _options.Retention;
        await db.Set<OutboxMessage>().Where(m => m.DispatchedAt != null && m.DispatchedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    private TimeSpan Backoff(int attempts) =>
        TimeSpan.FromMilliseconds(Math.Min(_options.MaxBackoff.TotalMilliseconds, 250 * Math.Pow(2, Math.Min(attempts - 1, 16))));
}
