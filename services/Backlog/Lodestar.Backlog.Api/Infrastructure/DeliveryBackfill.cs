using Lodestar.Messaging.Outbox;
using Lodestar.Security;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Backlog.Infrastructure;

/// <summary>
/// Announces, once, every item of the products the backlog held before BacklogItemChanged existed, so strategy's
/// roadmap counts items linked before the upgrade (not only those changed since). Runs at start and then each minute
/// until no product is left (a database down at start only delays it); each product's items and its mark commit
/// together with their events.
/// </summary>
public sealed class DeliveryBackfill(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DeliveryBackfill> logger) : BackgroundService
{
    private const string Actor = "service:delivery-backfill";
    private static readonly TimeSpan Retry = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Retry, clock);
        do
        {
            try
            {
                if (await AnnounceAsync(stoppingToken) == 0) return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Announcing items from before BacklogItemChanged failed; retrying in {Retry}", Retry);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Announces the items of every product not yet announced; returns how many products it found.</summary>
    public async Task<int> AnnounceAsync(CancellationToken cancellationToken)
    {
        List<(Guid Id, Guid WorkspaceId)> products;
        await using (var scope = scopes.CreateAsyncScope())
        {
            products = (await scope.ServiceProvider.GetRequiredService<BacklogDbContext>().Products.IgnoreQueryFilters().AsNoTracking()
                .Where(p => !p.DeliveryAnnounced).Select(p => new { p.Id, p.WorkspaceId }).ToListAsync(cancellationToken))
                .Select(p => (p.Id, p.WorkspaceId)).ToList();
        }
        foreach (var (id, workspaceId) in products)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<WorkspaceContext>().Enter(workspaceId, WorkspaceRole.Editor, Actor);
            var db = scope.ServiceProvider.GetRequiredService<BacklogDbContext>();
            var product = await db.Products.FirstAsync(p => p.Id == id, cancellationToken);
            var items = await db.Items.AsNoTracking().Where(i => i.ProductId == id).ToListAsync(cancellationToken);
            foreach (var item in items) db.AddIntegrationEvent(DeliveryAnnouncements.Current(item));
            product.DeliveryAnnounced = true;
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Announced {Count} items of product {ProductId} to the roadmap", items.Count, id);
        }
        return products.Count;
    }
}
