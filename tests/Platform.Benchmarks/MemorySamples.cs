using Lodestar.Benchmarking;

namespace Lodestar.Platform.Benchmarks;

/// <summary>Repeated readings of every process group's memory: medians for idle, peaks for under load.</summary>
public sealed class MemorySamples
{
    /// <summary>The `dotnet run` CLI waits on the app host; it is reported but is not part of the platform.</summary>
    public const string Launcher = "dotnet run (CLI)";

    private readonly List<IReadOnlyDictionary<string, ProcessMemory>> _samples = [];

    public IEnumerable<string> Groups => _samples.SelectMany(s => s.Keys).Distinct();

    public void Sample(IReadOnlyDictionary<string, IReadOnlyList<int>> groups) =>
        _samples.Add(groups.ToDictionary(g => g.Key, g => g.Value.Aggregate(ProcessMemory.Zero, (sum, pid) => sum + (ProcessMemory.Read(pid) ?? ProcessMemory.Zero))));

    public ProcessMemory Median(string group) => new(Statistics.Median(Of(group).Select(m => m.RssMb)), Statistics.Median(Of(group).Select(m => m.PssMb)));

    public ProcessMemory Peak(string group) => new(Of(group).Max(m => m.RssMb), Of(group).Max(m => m.PssMb));

    public (double Min, double Max) RssRange(string group) => (Of(group).Min(m => m.RssMb), Of(group).Max(m => m.RssMb));

    /// <summary>The platform's proportional memory (each shared page counted once) per reading, without the CLI.</summary>
    public IReadOnlyList<double> PlatformPss => [.. _samples.Select(s => s.Where(g => g.Key != Launcher).Sum(g => g.Value.PssMb))];

    private List<ProcessMemory> Of(string group) => [.. _samples.Where(s => s.ContainsKey(group)).Select(s => s[group])];

}
