using System.Diagnostics;
using System.Text;

namespace Lodestar.LocalInfrastructure;

/// <summary>Runs a server binary as a child process, capturing its output to a log file.</summary>
public sealed class ChildProcessRuntime(
    ProcessStartInfo startInfo,
    string logFile,
    Func<string, IReadOnlyList<string>, ProcessStartInfo> toolStartInfo) : IServerRuntime
{
    private readonly Lock _logLock = new();
    private Process? _process;

    public string Description => _process is { HasExited: false } p ? $"process {p.Id}" : "stopped process";

    public bool IsRunning => _process is { HasExited: false };

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (IsRunning) return Task.CompletedTask;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        startInfo.UseShellExecute = false;
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => AppendLog(e.Data);
        process.ErrorDataReceived += (_, e) => AppendLog(e.Data);
        if (!process.Start()) throw new InvalidOperationException($"Could not start {startInfo.FileName}.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        return Task.CompletedTask;
    }

    public async Task StopAsync(TimeSpan grace, CancellationToken cancellationToken)
    {
        if (_process is not { } process) return;
        if (!process.HasExited)
        {
            PosixSignals.Terminate(process.Id);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(grace);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(cancellationToken);
            }
        }
        process.Dispose();
        _process = null;
    }

    public async Task<ToolResult> RunToolAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var info = toolStartInfo(tool, arguments);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {tool}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return new ToolResult(process.ExitCode, (await stdout) + (await stderr));
    }

    public string LogTail()
    {
        lock (_logLock)
        {
            if (!File.Exists(logFile)) return "";
            var lines = File.ReadAllLines(logFile);
            return string.Join('\n', lines.TakeLast(30));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { } process)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
            process.Dispose();
            _process = null;
        }
    }

    private void AppendLog(string? line)
    {
        if (line is null) return;
        lock (_logLock) File.AppendAllText(logFile, line + "\n", Encoding.UTF8);
    }
}
