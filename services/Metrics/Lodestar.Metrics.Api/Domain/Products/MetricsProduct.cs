using Lodestar.Persistence;

namespace Lodestar.Metrics.Domain.Products;

/// <summary>
/// A product as metrics knows it from strategy's ProductChanged (the id is strategy's), with the counters ingestion
/// keeps under the product row's lock: the next dense user index and the ingestion revision.
/// </summary>
public sealed class MetricsProduct : WorkspaceEntity, IReportedCopy
{
    public string DisplayName { get; set; } = "";

    public bool Archived { get; set; }

    /// <summary>When strategy last reported the product; an older report never wins.</summary>
    public DateTime ReportedAt { get; set; }

    /// <summary>The index the next new user of the product gets (users are numbered 0, 1, 2… per product).</summary>
    public int NextUserIndex { get; set; }

    /// <summary>Incremented by every ingestion; users carry the revision that last changed them.</summary>
    public long IngestRevision { get; set; }

    /// <summary>Set when an ingestion committed but could not update Redis; the next query rebuilds.</summary>
    public bool AggregatesStale { get; set; }

    /// <summary>Set by every change metric values depend on (events, survey answers, funnels); the recorder clears it.</summary>
    public bool MetricsStale { get; set; }

    /// <summary>Incremented with <see cref="MetricsStale"/>, so the recorder clears only what it has seen.</summary>
    public long MetricsRevision { get; set; }

    /// <summary>
    /// The last complete UTC day (day number) metric values were computed for: once another day is complete, it is
    /// computed.
    /// </summary>
    public int MetricsComputedDay { get; set; }

    /// <summary>
    /// The earliest UTC day whose values a change since the last computation may have moved (an event's day, an answer's
    /// day; 0 for a funnel's definition, which moves every day): the recorder recomputes from there.
    /// </summary>
    public int? MetricsDirtyFrom { get; set; }

    /// <summary>
    /// The revision of the product's own metrics (its funnels' conversions) last published as MetricCatalogChanged; 0
    /// until first published, so products from before the catalog are announced once by the recorder.
    /// </summary>
    public long CatalogRevision { get; set; }
}
