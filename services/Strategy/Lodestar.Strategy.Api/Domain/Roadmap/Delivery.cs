namespace Lodestar.Strategy.Domain.Roadmap;

/// <summary>
/// What the backlog reported of the items around some initiatives: each item's links, estimate and status, and which
/// shipped. An initiative's items are those linked on strategy's side plus those the backlog links to it, less deleted
/// ones; the backlog's links are read from the items, so concurrent reports never contend for the initiative row.
/// </summary>
public sealed record Delivery(IReadOnlyDictionary<Guid, DeliveryItem> Known, IReadOnlySet<Guid> Shipped)
{
    public static readonly Delivery None = new(new Dictionary<Guid, DeliveryItem>(), new HashSet<Guid>());

    public IReadOnlyList<Guid> LinkedTo(Initiative initiative) =>
        [.. initiative.BacklogItemIds
            .Concat(Known.Values.Where(d => d.InitiativeIds.Contains(initiative.Id)).Select(d => d.ItemId))
            .Distinct()
            .Where(id => Known.GetValueOrDefault(id) is not { Deleted: true })];

    public InitiativeProgress ProgressOf(Initiative initiative) => InitiativeProgress.Of(LinkedTo(initiative), Known, Shipped);
}
