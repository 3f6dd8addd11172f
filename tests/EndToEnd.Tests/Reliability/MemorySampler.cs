using System.Globalization;
using EndToEnd.Tests.Platform;

namespace EndToEnd.Tests.Reliability;

/// <summary>Resident memory (VmRSS) of each supervised process, sampled on a fixed period while a soak runs.</summary>
public sealed class MemorySampler(IReadOnlyList<PlatformResource> processes)
{
    public Dictionary<string, List<(TimeSpan At, double Megabytes)>> Samples { get; } = processes.ToDictionary(p => p.Name, _ => new List<(TimeSpan, double)>());

    public async Task RunAsync(TimeSpan period, CancellationToken stop)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var timer = new PeriodicTimer(period);
        do
        {
            foreach (var process in processes)
                if (process.ProcessId is { } pid && ResidentMegabytes(pid) is { } rss) Samples[process.Name].Add((clock.Elapsed, rss));
        }
        while (await Ticks.NextAsync(timer, stop));
    }

    /// <summary>Mean resident memory of <paramref name="process"/> in the first, middle and last third of a run of <paramref name="duration"/>.</summary>
    public (double First, double Middle, double Last) Thirds(string process, TimeSpan duration) =>
        (Mean(process, TimeSpan.Zero, duration / 3), Mean(process, duration / 3, duration * 2 / 3), Mean(process, duration * 2 / 3, TimeSpan.MaxValue));

    private double Mean(string process, TimeSpan from, TimeSpan to) =>
        Samples[process].Where(s => s.At >= from && s.At < to).Select(s => s.Megabytes).DefaultIfEmpty(0).Average();

    private static double? ResidentMegabytes(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? null : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        }
        catch (IOException)
        {
            return null; // restarted between reading its id and its status
        }
    }
}
