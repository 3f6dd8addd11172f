namespace AppHost.Tests;

/// <summary>Stopping the app host stops everything it started: no server, service or orchestrator process outlives it.</summary>
public sealed class ShutdownTests
{
    private static readonly string[] Expected =
        ["dcp", "Lodestar.Strategy.Api", "Lodestar.Backlog.Api", "Lodestar.Discovery.Api", "Lodestar.Metrics.Api", "Lodestar.Gateway", "Aspire.Dashboard",
         "redis-server", "beam.smp", "postgres", "epmd"];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task After_SIGTERM_no_process_the_app_host_started_remains()
    {
        await using var appHost = await AppHostProcess.StartAsync(Cancel);
        var owned = OwnedProcesses.Of(appHost.Id, appHost.DataFolder);
        Assert.All(Expected, name => Assert.True(owned.Values.Any(c => c.Contains(name, StringComparison.Ordinal)),
            $"no {name} among the app host's processes:\n{string.Join('\n', owned.Values)}"));

        Assert.Equal(0, await appHost.TerminateAsync(TimeSpan.FromSeconds(90), Cancel));

        var left = await Eventually.GetAsync(() => Task.FromResult(owned.Where(p => ProcessTable.IsAlive(p.Key)).ToList()), l => l.Count == 0, seconds: 30);
        Assert.True(left.Count == 0, $"left running: {string.Join('\n', left.Select(p => $"{p.Key} {p.Value}"))}");
        Assert.Empty(OwnedProcesses.Of(appHost.Id, appHost.DataFolder));
    }
}
