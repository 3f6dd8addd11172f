using Lodestar.Persistence;

namespace Lodestar.Discovery.Domain.Insights;

/// <summary>A piece of customer evidence.</summary>
public sealed class Insight : WorkspaceEntity
{
    public const int MaxSummary = 2_000;
    public const int MaxQuote = 5_000;
    public const int MaxAccountId = 100;
    public const int MaxCustomerName = 200;
    public const int MaxSegment = 100;
    public const int MaxRevenueBand = 50;
    public const int MaxTags = 20;
    public const int MaxTag = 50;
    public const int MaxOriginUri = 2_000;
    public const int MaxOriginId = 200;
    public const int MaxImportance = 3;

    public InsightSource Source { get; set; }

    public string Summary { get; set; } = "";

    public string Quote { get; set; } = "";

    public string CustomerAccountId { get; set; } = "";

    public string CustomerName { get; set; } = "";

    public string CustomerSegment { get; set; } = "";

    public string CustomerRevenueBand { get; set; } = "";

    public Guid? PersonaId { get; set; }

    /// <summary>0 not important, 1 nice to have, 2 important, 3 critical.</summary>
    public int Importance { get; set; }

    /// <summary>0–1: how well the need is met today (survey data).</summary>
    public double? Satisfaction { get; set; }

    public Sentiment? Sentiment { get; set; }

    public List<string> Tags { get; set; } = [];

    public DateTime CaptureTime { get; set; }

    public string OriginUri { get; set; } = "";

    public string OriginId { get; set; } = "";

    public Guid? ProductId { get; set; }
}
