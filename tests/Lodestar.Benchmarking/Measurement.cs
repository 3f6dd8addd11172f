namespace Lodestar.Benchmarking;

/// <summary>Per-call latencies of repeated rounds: the median and spread a figure is reported with.</summary>
public sealed record Measurement(string Name, IReadOnlyList<double> LatenciesMs, IReadOnlyList<double> RoundThroughputs)
{
    public double MedianMs => Statistics.Percentile(LatenciesMs, 0.50);

    public double P95Ms => Statistics.Percentile(LatenciesMs, 0.95);

    public double P5Ms => Statistics.Percentile(LatenciesMs, 0.05);

    public double P99Ms => Statistics.Percentile(LatenciesMs, 0.99);

    public double MedianThroughput => Statistics.Percentile(RoundThroughputs, 0.50);

    public double MinThroughput => RoundThroughputs.Min();

    public double MaxThroughput => RoundThroughputs.Max();

}
