using Lodestar.Persistence;

namespace Lodestar.Strategy.Domain.Products;

/// <summary>A product's active users in one period, as the metrics service measured them.</summary>
public sealed class ActivityPoint : WorkspaceEntity
{
    public Guid ProductId { get; set; }

    public DateTime MeasuredAt { get; set; }

    public double ActiveUsers { get; set; }
}
