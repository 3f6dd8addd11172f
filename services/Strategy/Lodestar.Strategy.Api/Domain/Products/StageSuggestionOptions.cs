namespace Lodestar.Strategy.Domain.Products;

/// <summary>Thresholds of the stage suggestion; bound from "Strategy:StageSuggestion".</summary>
public sealed class StageSuggestionOptions
{
    public const string SectionName = "Strategy:StageSuggestion";

    /// <summary>The metric whose values are the product's active users per period.</summary>
    public string MetricKey { get; set; } = "active_users";

    /// <summary>How many recent period-over-period changes the rule looks at.</summary>
    public int Periods { get; set; } = 3;

    /// <summary>Mean growth per period above which adoption "rises fast" (0.10 = 10 %).</summary>
    public double FastGrowth { get; set; } = 0.10;

    /// <summary>Growth within ± this per period counts as flat.</summary>
    public double FlatBand { get; set; } = 0.02;

    /// <summary>Below this many active users, fast growth is still the introduction stage.</summary>
    public double LowBase { get; set; } = 1_000;
}
