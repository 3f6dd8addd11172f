namespace AppHost.Tests;

/// <summary>
/// Stopping Lodestar as a developer runs it (scripts/run: `dotnet run` of the app host, the demo seed) stops everything
/// it started: when the script returns, no server, service or orchestrator process is left (DCP runs detached and
/// stops the rest after the app host has gone; the script waits for it).
/// </summary>
public sealed class ShutdownTests
{
    private static readonly string[] Expected =
        ["dcp", "Lodestar.Strategy.Api", "Lodestar.Backlog.Api", "Lodestar.Discovery.Api", "Lodestar.Metrics.Api", "Lodestar.Gateway", "Aspire.Dashboard",
         "redis-server", "beam.smp", "postgres", "epmd"];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("SIGTERM")]
    [InlineData("SIGINT")]
    public async Task When_scripts_run_returns_after_a_stop_signal_no_process_it_started_remains(string signal)
    {
        await using var run = await AppHostProcess.StartRunScriptAsync(Cancel);
        var owned = OwnedProcesses.Of(run.Id, run.DataFolder);
        Assert.All(Expected, name => Assert.True(owned.Values.Any(c => c.Contains(name, StringComparison.Ordinal)),
            $"no {name} among the processes scripts/run started:\n{string.Join('\n', owned.Values)}"));

        var timeout = TimeSpan.FromSeconds(120);
        var exitCode = signal == "SIGTERM" ? await run.TerminateAsync(timeout, Cancel) : await run.InterruptAsync(timeout, Cancel);

        Assert.True(exitCode == 0, $"scripts/run exited with {exitCode}:\n{run.Output}");
        var left = owned.Where(p => ProcessTable.IsAlive(p.Key)).Select(p => $"{p.Key} {p.Value}").ToList();
        Assert.True(left.Count == 0, $"left running when scripts/run returned:\n{string.Join('\n', left)}");
        Assert.Empty(OwnedProcesses.Of(run.Id, run.DataFolder));
    }
}
