using System.Diagnostics;
using Lodestar.Benchmarking;

namespace Lodestar.Gateway.Benchmarks;

/// <summary>Runs a call from several concurrent callers and records each call's latency and the round's throughput.</summary>
public static class ConcurrentCalls
{
    public static async Task<(List<double> Latencies, double Throughput)> RoundAsync(Func<Task> call, int calls, int concurrency)
    {
        var latencies = new double[calls];
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < calls)
            {
                var started = Stopwatch.GetTimestamp();
                await call();
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }));
        return ([.. latencies], calls / clock.Elapsed.TotalSeconds);
    }

    /// <summary>Alternates rounds of <paramref name="first"/> and <paramref name="second"/>, after a warm-up of each.</summary>
    public static async Task<(Measurement First, Measurement Second)> CompareAsync(
        string firstName, Func<Task> first, string secondName, Func<Task> second, OverheadOptions options)
    {
        // A full round each first: JIT tiering and connection pools settle before anything is recorded.
        await RoundAsync(first, options.Calls, options.Concurrency);
        await RoundAsync(second, options.Calls, options.Concurrency);
        var (a, b) = ((Latencies: new List<double>(), Rates: new List<double>()), (Latencies: new List<double>(), Rates: new List<double>()));
        for (var round = 0; round < options.Rounds; round++)
        {
            var x = await RoundAsync(first, options.Calls, options.Concurrency);
            var y = await RoundAsync(second, options.Calls, options.Concurrency);
            a.Latencies.AddRange(x.Latencies);
            b.Latencies.AddRange(y.Latencies);
            a.Rates.Add(x.Throughput);
            b.Rates.Add(y.Throughput);
            Console.WriteLine($"round {round + 1}: {firstName} {x.Throughput:N0}/s, {secondName} {y.Throughput:N0}/s");
        }
        return (new Measurement(firstName, a.Latencies, a.Rates), new Measurement(secondName, b.Latencies, b.Rates));
    }
}
