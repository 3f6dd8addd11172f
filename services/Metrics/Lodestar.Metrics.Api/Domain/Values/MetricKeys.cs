using Lodestar.Contracts.Metrics;

namespace Lodestar.Metrics.Domain.Values;

/// <summary>The named metrics KPIs can follow (see metric_values.proto for their definitions).</summary>
public static class MetricKeys
{
    public const string Dau = BuiltInMetrics.Dau;
    public const string Wau = BuiltInMetrics.Wau;
    public const string Mau = BuiltInMetrics.Mau;
    public const string Stickiness = BuiltInMetrics.Stickiness;
    public const string Nps = BuiltInMetrics.Nps;
    public const string Csat = BuiltInMetrics.Csat;
    public const string ConversionPrefix = "conversion:";

    public static IReadOnlyList<int> RetentionDays => BuiltInMetrics.RetentionDays;

    /// <summary>The daily activity metrics a release's impact can be measured on.</summary>
    public static readonly string[] Daily = [Dau, Wau, Mau, Stickiness];

    public static string Retention(int day) => BuiltInMetrics.Retention(day);

    public static double Of(Activity.DailyActivity day, string key) => key switch
    {
        Dau => day.Daily,
        Wau => day.Weekly,
        Mau => day.Monthly,
        Stickiness => day.Stickiness,
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Not a daily activity metric."),
    };
}
