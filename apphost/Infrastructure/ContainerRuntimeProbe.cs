using System.Diagnostics;

namespace Lodestar.AppHost.Infrastructure;

/// <summary>Which container runtime answers, if any: a client on the PATH is not enough, its engine must reply.</summary>
internal static class ContainerRuntimeProbe
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>"docker" or "podman" (Aspire's two runtimes) when its engine answers <c>info</c>; null when neither does.</summary>
    public static string? Answering()
    {
        foreach (var runtime in new[] { "docker", "podman" })
            if (Answers(runtime)) return runtime;
        return null;
    }

    private static bool Answers(string runtime)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(runtime, ["info", "--format", "{{.ServerVersion}}"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (process is null) return false;
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // not installed
        }
    }
}
