namespace Lodestar.Strategy.Domain.Products;

/// <summary>Thresholds of the stage suggestion; bound from "Strategy:StageSuggestion".</summary>
public sealed class StageSuggestionOptions
{
    public const string SectionName = "Strategy:StageSuggestion";

    /// <summary>
    /// The active-user metrics a product's stage can be read from, each with its period: the window the metric counts
    /// over, so that consecutive periods hold different users.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, int> PeriodDays = new Dictionary<string, int> { ["wau"] = 7, ["mau"] = 30 };

    /// <summary>The metric a product reads its stage from unless it chose another (monthly active users).</summary>
    public string MetricKey { get; set; } = "mau";

    /// <summary>How many recent period-over-period changes the rule looks at.</summary>
    public int Periods { get; set; } = 3;

    /// <summary>Mean growth per period above which adoption "rises fast" (0.10 = 10 %).</summary>
    public double FastGrowth { get; set; } = 0.10;

    /// <summary>Growth within ± this per period counts as flat.</summary>
    public double FlatBand { get; set; } = 0.02;

    /// <summary>Below this many active users, fast growth is still the introduction stage.</summary>
    public double LowBase { get; set; } = 1_000;
}
