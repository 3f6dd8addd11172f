using System.Diagnostics;
using System.Text;

namespace Charts.Tests.Infrastructure;

/// <summary>
/// A deployable's published assembly run as its container would run it: `dotnet X.dll` in its folder, with only the
/// environment a pod would have. Killed with its process tree on dispose; its console is kept for failure messages.
/// </summary>
public sealed class PublishedProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _console = new();

    private PublishedProcess(Process process) => _process = process;

    public string Console
    {
        get { lock (_console) return _console.ToString(); }
    }

    public static PublishedProcess Start(Component component, IReadOnlyDictionary<string, string> environment)
    {
        var dll = Assembly(component);
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        // A pod's environment, not the test's: nothing of the test runner's .NET or ASP.NET settings leaks in.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("DOTNET_", StringComparison.Ordinal) || k.StartsWith("OTEL_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(name);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        var process = new Process { StartInfo = start };
        var running = new PublishedProcess(process);
        process.OutputDataReceived += (_, e) => running.Append(e.Data);
        process.ErrorDataReceived += (_, e) => running.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return running;
    }

    /// <summary>Waits for the process to exit on its own (a migration job) and returns its exit code.</summary>
    public async Task<int> ExitCodeAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    /// <summary>The published output (artifacts/publish, as scripts/test makes it, and the SDK images hold), else the build output.</summary>
    private static string Assembly(Component component)
    {
        string[] candidates =
        [
            Repository.File("artifacts", "publish", component.Assembly, $"{component.Assembly}.dll"),
            Repository.File(component.Project, "bin", "Release", "net10.0", $"{component.Assembly}.dll"),
            Repository.File(component.Project, "bin", "Debug", "net10.0", $"{component.Assembly}.dll"),
        ];
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException($"{component.Assembly} is neither published nor built: run bash scripts/test or dotnet build.");
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_console) _console.AppendLine(line);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
