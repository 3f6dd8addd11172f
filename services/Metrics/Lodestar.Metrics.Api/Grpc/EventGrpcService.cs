using Grpc.Core;
using Lodestar.Errors;
using Lodestar.Metrics.Domain.Events;
using Lodestar.Metrics.Domain.Products;
using Lodestar.Metrics.Infrastructure;
using Lodestar.Metrics.Infrastructure.Aggregates;
using Lodestar.Security;
using Microsoft.Extensions.Options;
using V1 = Lodestar.Metrics.V1;

namespace Lodestar.Metrics.Grpc;

/// <summary>lodestar.metrics.v1.EventService: usage events in, one at a time, in batches or streamed.</summary>
public sealed class EventGrpcService(
    MetricsDbContext db, EventIngestor ingestor, AggregateRebuilder rebuilder, IWorkspaceContext workspace, TimeProvider clock,
    IOptions<MetricsOptions> options) : V1.EventService.EventServiceBase
{
    private IngestionOptions Limits => options.Value.Ingestion;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public override async Task<V1.TrackEventResponse> TrackEvent(V1.TrackEventRequest request, ServerCallContext context)
    {
        var product = await db.FindProductAsync(request.Parent, "parent", context.CancellationToken);
        var incoming = EventMapping.Read(request.Event, "event", Now, Limits);
        var result = await ingestor.IngestAsync(product, [incoming], context.CancellationToken);
        return new V1.TrackEventResponse { Duplicate = result.Duplicates > 0 };
    }

    public override async Task<V1.BatchTrackEventsResponse> BatchTrackEvents(V1.BatchTrackEventsRequest request, ServerCallContext context)
    {
        var product = await db.FindProductAsync(request.Parent, "parent", context.CancellationToken);
        var incoming = EventMapping.Read(request.Events, "events", Now, Limits);
        var result = await ingestor.IngestAsync(product, incoming, context.CancellationToken);
        return new V1.BatchTrackEventsResponse { AcceptedCount = result.Accepted, DuplicateCount = result.Duplicates };
    }

    /// <summary>Consecutive batches of one product are stored together, up to 5,000 events per transaction, so many messages cost few transactions.</summary>
    public override async Task<V1.StreamEventsResponse> StreamEvents(IAsyncStreamReader<V1.StreamEventsRequest> requestStream, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var products = new Dictionary<string, MetricsProduct>(StringComparer.Ordinal);
        var response = new V1.StreamEventsResponse();
        MetricsProduct? pendingProduct = null;
        var pending = new List<IncomingEvent>();

        async Task FlushAsync()
        {
            if (pendingProduct is null || pending.Count == 0) return;
            var result = await ingestor.IngestAsync(pendingProduct, pending, cancellationToken);
            response.AcceptedCount += result.Accepted;
            response.DuplicateCount += result.Duplicates;
            pending = [];
        }

        await foreach (var batch in requestStream.ReadAllAsync(cancellationToken))
        {
            var field = $"batches[{response.BatchCount}]";
            MetricsProduct? product;
            IReadOnlyList<IncomingEvent> incoming;
            try
            {
                if (!products.TryGetValue(batch.Parent, out product))
                    products[batch.Parent] = product = await db.FindProductAsync(batch.Parent, $"{field}.parent", cancellationToken);
                incoming = EventMapping.Read(batch.Events, $"{field}.events", Now, Limits);
            }
            catch (LodestarException)
            {
                await FlushAsync(); // the batches before the bad one stay recorded, as documented
                throw;
            }
            response.BatchCount++;
            if (pendingProduct?.Id != product.Id || pending.Count + incoming.Count > EventRules.StreamTransaction) await FlushAsync();
            pendingProduct = product;
            pending.AddRange(incoming);
        }
        await FlushAsync();
        return response;
    }

    public override async Task<V1.RebuildAggregatesResponse> RebuildAggregates(V1.RebuildAggregatesRequest request, ServerCallContext context)
    {
        workspace.Require(WorkspaceRole.Editor);
        var product = await db.FindProductAsync(request.Product, "product", context.CancellationToken);
        var summary = await rebuilder.RebuildAsync(product.Id, context.CancellationToken);
        return new V1.RebuildAggregatesResponse { EventCount = summary.Events, UserCount = summary.Users, DayCount = summary.Days };
    }
}
