namespace Lodestar.Contracts.Metrics;

/// <summary>
/// The metric keys every product has (metrics computes them from events and survey answers; see metric_values.proto),
/// shared so that strategy accepts exactly what metrics publishes.
/// </summary>
public static class BuiltInMetrics
{
    public const string Dau = "dau";
    public const string Wau = "wau";
    public const string Mau = "mau";
    public const string Stickiness = "stickiness";
    public const string Nps = "nps";
    public const string Csat = "csat";

    /// <summary>The days N of the day-N retention metrics (<c>retention_d1</c>, <c>retention_d7</c>, <c>retention_d30</c>).</summary>
    public static readonly IReadOnlyList<int> RetentionDays = [1, 7, 30];

    public static readonly IReadOnlyList<string> Keys = [Dau, Wau, Mau, Stickiness, .. RetentionDays.Select(Retention), Nps, Csat];

    public static string Retention(int day) => $"retention_d{day}";
}
