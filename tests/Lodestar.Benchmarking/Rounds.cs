using System.Diagnostics;

namespace Lodestar.Benchmarking;

/// <summary>Times an operation over repeated rounds of sequential calls, after a warm-up.</summary>
public static class Rounds
{
    public static async Task<Measurement> MeasureAsync(string name, Func<Task> call, int calls, int rounds, int warmup = 20)
    {
        for (var i = 0; i < warmup; i++) await call();
        var latencies = new List<double>(calls * rounds);
        var throughputs = new List<double>(rounds);
        for (var round = 0; round < rounds; round++)
        {
            var roundClock = Stopwatch.StartNew();
            for (var i = 0; i < calls; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await call();
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            throughputs.Add(calls / roundClock.Elapsed.TotalSeconds);
        }
        var measurement = new Measurement(name, latencies, throughputs);
        Console.WriteLine($"{name}: median {measurement.MedianMs:F3} ms");
        return measurement;
    }
}
