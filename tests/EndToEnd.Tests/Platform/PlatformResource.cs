using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Lodestar.LocalInfrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EndToEnd.Tests.Platform;

/// <summary>
/// One of the app host's resources (a server or a service), as the dashboard shows it: its state, its processes, and
/// Aspire's Start command to bring it back after it went away.
/// </summary>
public sealed class PlatformResource(DistributedApplication app, string name)
{
    private static readonly TimeSpan StateTimeout = TimeSpan.FromSeconds(90);
    private static readonly string[] Stopped = [KnownResourceStates.Exited, KnownResourceStates.Finished, KnownResourceStates.FailedToStart];

    public string Name => name;

    /// <summary>The state DCP last reported (Running, Exited…).</summary>
    public string? State => Snapshot?.State?.Text;

    public bool IsRunning => State == KnownResourceStates.Running;

    /// <summary>The process DCP started: for a service, <c>dotnet run</c>, whose child is the service itself.</summary>
    public int? LauncherId => Snapshot?.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } pid
        && int.TryParse(pid.ToString(), System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>
    /// The serving process: the launcher's child when the launcher is a wrapper (<c>dotnet run</c> for a service, the
    /// PostgreSQL launcher's shell), else the launcher itself.
    /// </summary>
    public int? ProcessId => LauncherId is { } launcher ? (IsWrapper(launcher) ? ProcessTable.ChildOf(launcher) : launcher) : null;

    /// <summary>
    /// Takes the server down as an outage would: the process DCP started gets the SIGTERM DCP itself would send (the
    /// app host's launchers turn it into each server's clean stop, such as PostgreSQL's fast shutdown), and DCP reports
    /// it stopped. Aspire's Stop command asks DCP to do this, but under load DCP was seen to leave the server running
    /// longer than Aspire waits (15 s).
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        var process = LauncherId ?? throw new InvalidOperationException($"{name} is not running ({State}).");
        if (!PosixSignals.Terminate(process)) throw new InvalidOperationException($"{name}'s process {process} could not be signalled.");
        await WaitStoppedAsync(cancellationToken);
    }

    /// <summary>Starts the resource again (after it stopped, or its process died) with Aspire's Start command, and waits until it reports healthy.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var result = await app.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(name, KnownResourceCommands.StartCommand, cancellationToken);
        if (!result.Success) throw new InvalidOperationException($"start {name}: {result.Message}");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StateTimeout);
        await app.ResourceNotifications.WaitForResourceHealthyAsync(name, timeout.Token);
    }

    /// <summary>Waits until DCP reports the resource stopped (its process exited, or a stop command).</summary>
    public async Task WaitStoppedAsync(CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StateTimeout);
        await app.ResourceNotifications.WaitForResourceAsync(name, Stopped, timeout.Token);
    }

    private static bool IsWrapper(int launcher)
    {
        var commandLine = ProcessTable.CommandLine(launcher);
        return commandLine.StartsWith("/bin/sh -c", StringComparison.Ordinal) || commandLine.Contains(" run --project ", StringComparison.Ordinal);
    }

    private CustomResourceSnapshot? Snapshot =>
        app.ResourceNotifications.TryGetCurrentState(name, out var current) ? current.Snapshot : null;
}
