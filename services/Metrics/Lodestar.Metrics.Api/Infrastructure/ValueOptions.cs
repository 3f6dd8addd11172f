namespace Lodestar.Metrics.Infrastructure;

/// <summary>Metrics:Values: how often changed products have their metric values recomputed, and how far back.</summary>
public sealed class ValueOptions
{
    public TimeSpan RecomputeInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How many complete days back values are computed: on a product's first computation (a history imported at once
    /// gets its daily values), and as far as a late change reaches.
    /// </summary>
    public int HistoryDays { get; set; } = 90;
}
