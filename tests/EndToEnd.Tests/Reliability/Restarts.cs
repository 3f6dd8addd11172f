using EndToEnd.Tests.Platform;

namespace EndToEnd.Tests.Reliability;

/// <summary>
/// Kills a service as an out-of-memory killer or a node loss would, and starts it again as its supervisor would
/// (Kubernetes in production; locally Aspire shows it Exited, with its logs and a Start command).
/// </summary>
public static class Restarts
{
    /// <summary>SIGKILL: no shutdown hooks, no flush, no goodbye to the broker. Returns the start of its replacement.</summary>
    public static Task Kill(PlatformResource service, CancellationToken cancellationToken)
    {
        using (var process = System.Diagnostics.Process.GetProcessById(service.ProcessId ?? throw new InvalidOperationException($"{service.Name} is not running.")))
            process.Kill();
        return Task.Run(async () =>
        {
            await service.WaitStoppedAsync(cancellationToken);
            await service.StartAsync(cancellationToken);
        }, cancellationToken);
    }

    /// <summary>Waits for the restart <see cref="Kill"/> began, failing after <paramref name="timeout"/>.</summary>
    public static async Task RunningAgainAsync(PlatformResource service, Task restart, TimeSpan timeout)
    {
        await restart.WaitAsync(timeout, TestContext.Current.CancellationToken);
        Assert.True(service.IsRunning, $"{service.Name} is {service.State} after its restart");
    }
}
