using Lodestar.Persistence;

namespace Lodestar.Discovery.Domain.Products;

/// <summary>A product as discovery knows it from strategy's ProductChanged (the id is strategy's).</summary>
public sealed class DiscoveryProduct : WorkspaceEntity, IReportedCopy
{
    public string DisplayName { get; set; } = "";

    public bool Archived { get; set; }

    /// <summary>When strategy last reported the product; an older report never wins.</summary>
    public DateTime ReportedAt { get; set; }
}
