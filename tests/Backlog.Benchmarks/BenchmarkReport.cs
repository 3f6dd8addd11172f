using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Lodestar.Backlog.Benchmarks;

/// <summary>Writes the ranking figures into their section of docs/benchmarks.md, leaving other sections alone.</summary>
public static class BenchmarkReport
{
    private const string Start = "<!-- backlog-ranking:start -->";
    private const string End = "<!-- backlog-ranking:end -->";

    public static void Write(string path, RankingResult result)
    {
        var existing = File.Exists(path) ? File.ReadAllText(path) : "# Benchmarks\n\nFigures measured on this repository's machines; each section says how to reproduce it.\n";
        var section = Section(result);
        var from = existing.IndexOf(Start, StringComparison.Ordinal);
        var to = existing.IndexOf(End, StringComparison.Ordinal);
        var updated = from >= 0 && to > from
            ? existing[..from] + section + existing[(to + End.Length)..]
            : existing.TrimEnd() + "\n\n" + section + "\n";
        File.WriteAllText(path, updated);
    }

    public static string Summary(RankingResult result) => string.Create(CultureInfo.InvariantCulture,
        $"top {result.Options.Top} of {result.Options.Items:N0}: gRPC median {result.Grpc.MedianMs:F2} ms, LINQ median {result.Linq.MedianMs:F2} ms, ratio {Ratio(result):F1}×, same top: {result.SameTop}");

    private static double Ratio(RankingResult result) => result.Grpc.MedianMs / result.Linq.MedianMs;

    private static string Section(RankingResult r)
    {
        var text = new StringBuilder();
        var o = r.Options;
        text.AppendLine(Start);
        text.AppendLine("## Backlog: top 100 of a 100,000-item ranked backlog");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Command: `dotnet run -c Release --project tests/Backlog.Benchmarks` (options `--items {o.Items} --top {o.Top} --calls {o.Calls} --rounds {o.Rounds}`).");
        text.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Cpu()}, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}. Commit: `{Commit()}`. Date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"One product with {o.Items:N0} RICE-scored items (seeded in {r.SeedTime.TotalSeconds:F1} s), SQLite, service hosted in the harness process on real Kestrel (h2c).");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"`GetRankedBacklog(page_size={o.Top})` returns full items with scores and context; the baseline is `OrderByDescending(score).ThenBy(id).Take({o.Top})` over the same {o.Items:N0} precomputed scores in memory.");
        text.AppendLine(CultureInfo.InvariantCulture, $"{o.Rounds} rounds × {o.Calls} sequential calls after warm-up; both return the same top {o.Top}: {(r.SameTop ? "yes" : "NO")}.");
        text.AppendLine();
        text.AppendLine("| | median latency | p5 – p95 | calls/s (median of rounds, min – max) |");
        text.AppendLine("|---|---|---|---|");
        foreach (var m in new[] { r.Grpc, r.Linq })
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {m.Name} | {m.MedianMs:F3} ms | {m.P5Ms:F3} – {m.P95Ms:F3} ms | {m.MedianThroughput:F0} ({m.MinThroughput:F0} – {m.MaxThroughput:F0}) |");
        }
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Ratio (gRPC ÷ LINQ, median latency): **{Ratio(r):F2}×**. The service reads the top by its (product, rank) index instead of sorting, so its cost is the page, not the backlog: serialisation, the context queries of the page and the HTTP/2 round trip; the baseline sorts all {o.Items:N0} scores on every call.");
        text.Append(End);
        return text.ToString();
    }

    private static string Cpu()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        }
        catch (IOException)
        {
            return "unknown CPU";
        }
    }

    private static string Commit()
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", "rev-parse --short HEAD") { RedirectStandardOutput = true, UseShellExecute = false });
            var output = git!.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return output.Length > 0 ? output : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}
