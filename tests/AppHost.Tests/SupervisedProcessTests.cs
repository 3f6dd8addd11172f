using System.Diagnostics;
using Lodestar.AppHost.Orchestration;
using Microsoft.Extensions.Logging.Abstractions;

namespace AppHost.Tests;

/// <summary>Real child processes (sh) under supervision: restarted when they exit, logged, and stopped without orphans.</summary>
public sealed class SupervisedProcessTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static ProcessSpec Shell(string name, string script, Uri? alive = null) =>
        new(name, "/bin/sh", ["-c", script], new Dictionary<string, string> { ["GREETING"] = "hello" }, alive)
        {
            FirstRestartDelay = TimeSpan.FromMilliseconds(100),
            MaxRestartDelay = TimeSpan.FromMilliseconds(400),
            StopGrace = TimeSpan.FromSeconds(2),
        };

    [Fact]
    public async Task A_process_that_exits_is_restarted_and_its_runs_are_logged()
    {
        await using var process = new SupervisedProcess(Shell("crashy", "echo \"$GREETING from $$\"; echo oops >&2; sleep 0.2; exit 3"), NullLogger.Instance);

        await process.StartAsync(Cancel);
        await Eventually.GetAsync(() => Task.FromResult(process.RestartCount), count => count >= 2);

        var lines = process.Logs.Since(0);
        Assert.True(lines.Count(l => l.Text.StartsWith("hello from ", StringComparison.Ordinal)) >= 2);
        Assert.Contains(lines, l => l.IsError && l.Text == "oops");
        Assert.True(lines.Select(l => l.Text).Where(t => t.StartsWith("hello", StringComparison.Ordinal)).Distinct().Count() >= 2, "each run is its own process");
        Assert.StartsWith("exit code 3", process.LastExit, StringComparison.Ordinal);
        Assert.Equal(lines.Select(l => l.Sequence).Order(), lines.Select(l => l.Sequence));
        // Reading on from the last line seen gives only newer lines (the process keeps restarting meanwhile).
        Assert.All(process.Logs.Since(lines[^1].Sequence), l => Assert.True(l.Sequence > lines[^1].Sequence));
    }

    [Fact]
    public async Task Stopping_ends_the_process_and_its_children()
    {
        var process = new SupervisedProcess(Shell("sleepy", "sleep 60 & echo child $!; wait"), NullLogger.Instance);
        await process.StartAsync(Cancel);
        var line = await Eventually.GetAsync(() => Task.FromResult(process.Logs.Since(0)), lines => lines.Count > 0);
        var pid = process.ProcessId!.Value;
        var child = int.Parse(line[0].Text["child ".Length..], System.Globalization.CultureInfo.InvariantCulture);

        await process.DisposeAsync();

        Assert.Equal(ResourceState.Stopped, process.State);
        Assert.Null(process.ProcessId);
        Assert.False(IsAlive(pid));
        await Eventually.GetAsync(() => Task.FromResult(IsAlive(child)), alive => !alive, seconds: 5);
    }

    [Fact]
    public async Task A_process_that_dies_while_starting_fails_its_start()
    {
        await using var process = new SupervisedProcess(Shell("broken", "exit 2", new Uri("http://127.0.0.1:9/alive")), NullLogger.Instance);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => process.StartAsync(Cancel));

        Assert.Contains("exited with code 2", error.Message, StringComparison.Ordinal);
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
