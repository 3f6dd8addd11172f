using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Messaging.Inbox;
using Lodestar.Metrics.Domain.Values;
using Lodestar.Metrics.Infrastructure;
using Lodestar.Persistence;
using Lodestar.Security;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Metrics.IntegrationEvents;

/// <summary>A shipped backlog item becomes a release marker: the point impact queries compare before and after.</summary>
public sealed class BacklogItemShippedConsumer(MetricsDbContext db, WorkspaceContext workspace, ILogger<BacklogItemShippedConsumer> logger)
    : IdempotentConsumer<BacklogItemShipped, MetricsDbContext>(db, workspace, logger)
{
    protected override async Task HandleAsync(BacklogItemShipped message, CancellationToken cancellationToken)
    {
        var marker = await Db.ReleaseMarkers.FirstOrDefaultAsync(m => m.Id == message.ItemId, cancellationToken);
        if (marker is null) Db.ReleaseMarkers.Add(marker = new ReleaseMarker { Id = message.ItemId });
        marker.ProductId = message.ProductId;
        marker.Title = message.Title.Length > 500 ? message.Title[..500] : message.Title;
        marker.ShippedAt = StoredTime.Of(message.OccurredAt);
        marker.HypothesisIds = [.. message.HypothesisIds];
    }
}
