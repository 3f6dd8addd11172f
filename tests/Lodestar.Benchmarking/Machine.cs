using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Lodestar.Benchmarking;

/// <summary>Where and when a figure was measured, for the line every report section starts with.</summary>
public static class Machine
{
    public static string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"Machine: {Cpu()}, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}. Commit: `{Commit()}`. Date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.");

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
