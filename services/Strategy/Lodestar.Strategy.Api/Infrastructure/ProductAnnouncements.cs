using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Messaging.Outbox;
using Lodestar.Strategy.Domain.Products;

namespace Lodestar.Strategy.Infrastructure;

/// <summary>What strategy announces about a product, through the outbox with the change that caused it.</summary>
public static class ProductAnnouncements
{
    /// <summary>ProductChanged; <paramref name="workspaceId"/> is the caller's, as a product not yet saved has none stamped.</summary>
    public static void AnnounceChanged(this StrategyDbContext db, Product product, Guid workspaceId) =>
        db.AddIntegrationEvent(new ProductChanged(product.Id, product.DisplayName, EventName(product.Stage), product.Archived) { WorkspaceId = workspaceId });

    public static void AnnounceStageChanged(this StrategyDbContext db, Product product, LifecycleStage previous) =>
        db.AddIntegrationEvent(new ProductStageChanged(product.Id, EventName(product.Stage), EventName(previous)) { WorkspaceId = product.WorkspaceId });

    /// <summary>The stage as integration events spell it.</summary>
    public static string EventName(LifecycleStage stage) => stage.ToString().ToLowerInvariant();
}
