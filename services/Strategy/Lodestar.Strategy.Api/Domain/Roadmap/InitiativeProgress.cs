namespace Lodestar.Strategy.Domain.Roadmap;

/// <summary>
/// How far an initiative's delivery is: by count (shipped ÷ linked items) and by estimate points (shipped points ÷
/// points of the estimated linked items). Items the backlog marked won't-do are not work to deliver and count in neither.
/// </summary>
public sealed record InitiativeProgress(int LinkedItems, int ShippedItems, int UnestimatedItems, double TotalPoints, double ShippedPoints)
{
    public double ByCount => LinkedItems == 0 ? 0 : (double)ShippedItems / LinkedItems;

    public double ByPoints => TotalPoints <= 0 ? 0 : ShippedPoints / TotalPoints;

    /// <param name="linked">The initiative's linked item ids.</param>
    /// <param name="known">What the backlog reported of those items (an item not reported yet counts as unshipped and unestimated).</param>
    /// <param name="shipped">The items reported shipped by BacklogItemShipped.</param>
    public static InitiativeProgress Of(IEnumerable<Guid> linked, IReadOnlyDictionary<Guid, DeliveryItem> known, IReadOnlySet<Guid> shipped)
    {
        var (count, shippedCount, unestimated, total, shippedPoints) = (0, 0, 0, 0d, 0d);
        foreach (var id in linked.Distinct())
        {
            var item = known.GetValueOrDefault(id);
            if (item is { Deleted: true } or { Status: DeliveryItem.WontDo }) continue;
            var isShipped = shipped.Contains(id) || item?.Status == DeliveryItem.Shipped;
            count++;
            if (isShipped) shippedCount++;
            if (item?.EstimatePoints is not { } points) { unestimated++; continue; }
            total += points;
            if (isShipped) shippedPoints += points;
        }
        return new InitiativeProgress(count, shippedCount, unestimated, total, shippedPoints);
    }
}
