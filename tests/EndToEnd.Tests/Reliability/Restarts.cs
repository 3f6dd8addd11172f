using Lodestar.AppHost.Orchestration;

namespace EndToEnd.Tests.Reliability;

/// <summary>Kills a supervised service as an out-of-memory killer or a node loss would, and waits for the app host to bring it back.</summary>
public static class Restarts
{
    /// <summary>SIGKILL: no shutdown hooks, no flush, no goodbye to the broker.</summary>
    public static int Kill(SupervisedProcess service)
    {
        var before = service.RestartCount;
        using var process = System.Diagnostics.Process.GetProcessById(service.ProcessId ?? throw new InvalidOperationException($"{service.Name} is not running."));
        process.Kill();
        return before;
    }

    /// <summary>Waits until <paramref name="service"/> has restarted since <paramref name="restartsBefore"/> and serves again.</summary>
    public static async Task RunningAgainAsync(SupervisedProcess service, int restartsBefore, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!(service.RestartCount > restartsBefore && service.State == ResourceState.Running))
        {
            Assert.True(clock.Elapsed < timeout, $"{service.Name} did not come back within {timeout.TotalSeconds:0} s (state {service.State}, last exit {service.LastExit})");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
