using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Lodestar.AppHost.Orchestration;

/// <summary>
/// A child process kept running: started and awaited until it serves, its console kept in a <see cref="LogBuffer"/>
/// (and echoed, prefixed with its name), restarted with doubling delays when it exits, and stopped with SIGTERM then,
/// after a grace period, killed with its whole process tree, so nothing outlives the app host.
/// </summary>
public sealed class SupervisedProcess(ProcessSpec spec, ILogger logger, TextWriter? echo = null) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Process? _process;
    private Task? _supervision;
    private DateTimeOffset _startedAt;

    public string Name => spec.Name;

    public ProcessSpec Spec => spec;

    public ResourceState State { get; private set; } = ResourceState.Starting;

    public int RestartCount { get; private set; }

    /// <summary>How the last run ended, e.g. "exit code 3 at 12:00:01Z"; null while the first run lasts.</summary>
    public string? LastExit { get; private set; }

    public LogBuffer Logs { get; } = new();

    public int? ProcessId
    {
        get
        {
            try
            {
                return _process is { HasExited: false } process ? process.Id : null;
            }
            catch (InvalidOperationException)
            {
                return null;
            }
        }
    }

    /// <summary>Starts the process and returns once it serves; throws when it exits or does not answer in time.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await LaunchAsync(cancellationToken);
        _supervision = Task.Run(SuperviseAsync, CancellationToken.None);
    }

    private async Task LaunchAsync(CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(spec.FileName) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in spec.Arguments) info.ArgumentList.Add(argument);
        foreach (var (key, value) in spec.Environment) info.Environment[key] = value;
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {Name}.");
        process.OutputDataReceived += (_, e) => Record(e.Data, isError: false);
        process.ErrorDataReceived += (_, e) => Record(e.Data, isError: true);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var previous = Interlocked.Exchange(ref _process, process);
        previous?.Dispose();

        await WaitUntilUpAsync(process, cancellationToken);
        _startedAt = DateTimeOffset.UtcNow;
        State = ResourceState.Running;
        logger.LogInformation("{Resource} is running (process {Pid})", Name, process.Id);
    }

    private void Record(string? line, bool isError)
    {
        if (line is null) return;
        Logs.Append(line, isError);
        echo?.WriteLine($"[{Name}] {line}");
    }

    private async Task WaitUntilUpAsync(Process process, CancellationToken cancellationToken)
    {
        if (spec.AliveUrl is null) return;
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < spec.StartTimeout)
        {
            if (process.HasExited) throw new InvalidOperationException($"{Name} exited with code {process.ExitCode} during start-up.");
            try
            {
                using var response = await client.GetAsync(spec.AliveUrl, cancellationToken);
                if (response.IsSuccessStatusCode) return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // Not listening yet.
            }
            await Task.Delay(250, cancellationToken);
        }
        process.Kill(entireProcessTree: true);
        throw new TimeoutException($"{Name} did not answer on {spec.AliveUrl} within {spec.StartTimeout.TotalSeconds:0} s.");
    }

    private async Task SuperviseAsync()
    {
        var delay = spec.FirstRestartDelay;
        while (!_stopping.IsCancellationRequested)
        {
            var process = _process!;
            try
            {
                await process.WaitForExitAsync(_stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            LastExit = string.Create(CultureInfo.InvariantCulture, $"exit code {process.ExitCode} at {DateTimeOffset.UtcNow:HH:mm:ss}Z");
            if (DateTimeOffset.UtcNow - _startedAt >= spec.StableAfter) delay = spec.FirstRestartDelay;
            State = ResourceState.Restarting;
            logger.LogWarning("{Resource} stopped ({Exit}); restarting in {Delay}", Name, LastExit, delay);
            try
            {
                await Task.Delay(delay, _stopping.Token);
                RestartCount++;
                await LaunchAsync(_stopping.Token);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
            {
                logger.LogError(ex, "{Resource} failed to restart", Name);
                State = ResourceState.Failed;
            }
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, spec.MaxRestartDelay.Ticks));
        }
    }

    public async ValueTask DisposeAsync()
    {
        State = ResourceState.Stopping;
        await _stopping.CancelAsync();
        if (_supervision is not null) await _supervision;
        if (_process is { } process)
        {
            await StopAsync(process);
            process.Dispose();
        }
        _stopping.Dispose();
        State = ResourceState.Stopped;
    }

    /// <summary>
    /// SIGTERM first, so a service flushes its outbox and closes its broker connection; then whatever of its tree is
    /// left, including children it started and did not stop (they would hold its console open, and outlive us).
    /// </summary>
    private async Task StopAsync(Process process)
    {
        if (process.HasExited) return;
        var descendants = ProcessTree.Descendants(process.Id);
        using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)])) await term.WaitForExitAsync();
        // Polled, not WaitForExitAsync: that also waits for the console to close, which a left-over child prevents.
        var clock = Stopwatch.StartNew();
        while (!process.HasExited && clock.Elapsed < spec.StopGrace) await Task.Delay(50);
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        ProcessTree.Kill(descendants);
        using var drained = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await process.WaitForExitAsync(drained.Token);
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("{Resource}'s console did not close after it stopped", Name);
        }
    }
}
