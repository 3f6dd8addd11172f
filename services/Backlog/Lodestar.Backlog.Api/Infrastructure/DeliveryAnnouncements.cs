using Lodestar.Backlog.Domain.Items;
using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Lodestar.Backlog.Infrastructure;

/// <summary>
/// Adds BacklogItemChanged for every item a save creates, deletes, or changes in what the roadmap reads (title,
/// initiatives, estimate, status), whichever code path made the change, so strategy learns of a link when it is made.
/// </summary>
public static class DeliveryAnnouncements
{
    private static readonly string[] Watched =
        [nameof(BacklogItem.Title), nameof(BacklogItem.InitiativeIds), nameof(BacklogItem.EstimatePoints), nameof(BacklogItem.Status)];

    public static void AnnounceDeliveryChanges(this BacklogDbContext db)
    {
        // Entries() detects changes first; the list is copied because adding events adds entries.
        foreach (var entry in db.ChangeTracker.Entries<BacklogItem>().ToList())
        {
            var version = entry.State switch
            {
                EntityState.Added => 1,
                EntityState.Deleted => entry.Property(i => i.Version).OriginalValue + 1,
                EntityState.Modified when Watched.Any(p => entry.Property(p).IsModified) => entry.Property(i => i.Version).OriginalValue + 1,
                _ => 0L,
            };
            if (version > 0) db.AddIntegrationEvent(Changed(entry, version, db.CurrentWorkspaceId));
        }
    }

    /// <summary>A new item gets its workspace stamped later in the save: until then it is the context's.</summary>
    private static BacklogItemChanged Changed(EntityEntry<BacklogItem> entry, long version, Guid currentWorkspace) =>
        Changed(entry.Entity, entry.State == EntityState.Deleted, version, entry.Entity.WorkspaceId == Guid.Empty ? currentWorkspace : entry.Entity.WorkspaceId);

    /// <summary>An item's delivery state as it stands (for the one-off announcement of items from before the event).</summary>
    public static BacklogItemChanged Current(BacklogItem item) => Changed(item, deleted: false, item.Version, item.WorkspaceId);

    private static BacklogItemChanged Changed(BacklogItem item, bool deleted, long version, Guid workspaceId) =>
        new(item.Id, item.ProductId, item.Title, [.. item.InitiativeIds], item.EstimatePoints, StatusName(item.Status), deleted, version) { WorkspaceId = workspaceId };

    public static string StatusName(ItemStatus status) => status switch
    {
        ItemStatus.Idea => "idea",
        ItemStatus.Ready => "ready",
        ItemStatus.InProgress => "in-progress",
        ItemStatus.Done => "done",
        ItemStatus.Shipped => "shipped",
        ItemStatus.WontDo => "wont-do",
        _ => "unknown",
    };
}
