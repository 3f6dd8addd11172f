namespace Lodestar.Platform.Benchmarks;

/// <summary>Seconds from `dotnet run` to healthy: the first start on an empty data folder, then restarts on kept data.</summary>
public sealed record StartTimes(double FreshSeconds, IReadOnlyList<double> RestartSeconds)
{
    public double MedianRestart => Lodestar.Benchmarking.Statistics.Median(RestartSeconds);
}
