using System.Globalization;

namespace Lodestar.Platform.Benchmarks;

/// <summary>
/// A process's memory from /proc: resident set (what `top` shows) and proportional set size (shared pages divided
/// among the processes sharing them, so a sum over processes counts PostgreSQL's shared buffers once).
/// </summary>
public readonly record struct ProcessMemory(double RssMb, double PssMb)
{
    public static ProcessMemory Zero => new(0, 0);

    public static ProcessMemory operator +(ProcessMemory a, ProcessMemory b) => new(a.RssMb + b.RssMb, a.PssMb + b.PssMb);

    /// <summary>Null once the process has gone.</summary>
    public static ProcessMemory? Read(int pid)
    {
        try
        {
            var rss = Kilobytes(File.ReadLines($"/proc/{pid}/status"), "VmRSS:");
            var pss = Kilobytes(File.ReadLines($"/proc/{pid}/smaps_rollup"), "Pss:");
            return rss is null ? null : new ProcessMemory(rss.Value / 1024, (pss ?? rss.Value) / 1024);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static double? Kilobytes(IEnumerable<string> lines, string field)
    {
        var line = lines.FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return line is null ? null : double.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
