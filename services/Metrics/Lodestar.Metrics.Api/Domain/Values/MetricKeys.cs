namespace Lodestar.Metrics.Domain.Values;

/// <summary>The named metrics KPIs can follow (see metric_values.proto for their definitions).</summary>
public static class MetricKeys
{
    public const string Dau = "dau";
    public const string Wau = "wau";
    public const string Mau = "mau";
    public const string Stickiness = "stickiness";
    public const string Nps = "nps";
    public const string Csat = "csat";
    public const string ConversionPrefix = "conversion:";

    public static readonly int[] RetentionDays = [1, 7, 30];

    /// <summary>The daily activity metrics a release's impact can be measured on.</summary>
    public static readonly string[] Daily = [Dau, Wau, Mau, Stickiness];

    public static string Retention(int day) => $"retention_d{day}";

    public static double Of(Activity.DailyActivity day, string key) => key switch
    {
        Dau => day.Daily,
        Wau => day.Weekly,
        Mau => day.Monthly,
        Stickiness => day.Stickiness,
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Not a daily activity metric."),
    };
}
