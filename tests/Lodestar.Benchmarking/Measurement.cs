namespace Lodestar.Benchmarking;

/// <summary>Per-call latencies of repeated rounds: the median and spread a figure is reported with.</summary>
public sealed record Measurement(string Name, IReadOnlyList<double> LatenciesMs, IReadOnlyList<double> RoundThroughputs)
{
    public double MedianMs => Percentile(LatenciesMs, 0.50);

    public double P95Ms => Percentile(LatenciesMs, 0.95);

    public double P5Ms => Percentile(LatenciesMs, 0.05);

    public double P99Ms => Percentile(LatenciesMs, 0.99);

    public double MedianThroughput => Percentile(RoundThroughputs, 0.50);

    public double MinThroughput => RoundThroughputs.Min();

    public double MaxThroughput => RoundThroughputs.Max();

    private static double Percentile(IReadOnlyList<double> values, double quantile)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
