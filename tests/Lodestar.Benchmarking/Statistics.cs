namespace Lodestar.Benchmarking;

/// <summary>The one definition of median and percentile every harness reports with (nearest rank; NaN when empty).</summary>
public static class Statistics
{
    public static double Median(IEnumerable<double> values) => Percentile(values, 0.5);

    public static double Percentile(IEnumerable<double> values, double quantile)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
