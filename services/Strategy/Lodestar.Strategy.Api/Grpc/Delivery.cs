using Lodestar.Strategy.Domain.Roadmap;

namespace Lodestar.Strategy.Grpc;

/// <summary>What the backlog reported of a set of initiatives' items, read once for a page or roadmap.</summary>
internal sealed record Delivery(IReadOnlyDictionary<Guid, DeliveryItem> Known, IReadOnlySet<Guid> Shipped);
