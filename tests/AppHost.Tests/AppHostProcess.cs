using System.Diagnostics;
using Lodestar.LocalInfrastructure;

namespace AppHost.Tests;

/// <summary>
/// The real app host as a developer starts it (its own process, the dashboard on), in a temporary data folder with
/// free ports, read from its console: the dashboard's login URL, the gateway's address, the development access.
/// </summary>
public sealed class AppHostProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);
    private readonly Process _process;
    private readonly Lock _outputLock = new();
    private readonly List<string> _output = [];
    private readonly TaskCompletionSource _running = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AppHostProcess(string folder, Process process)
    {
        DataFolder = folder;
        _process = process;
    }

    public string DataFolder { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public Uri DashboardLogin { get; private set; } = null!;

    public Uri GatewayRest { get; private set; } = null!;

    public Guid Workspace { get; private set; }

    public string Token { get; private set; } = "";

    public string Output
    {
        get
        {
            lock (_outputLock) return string.Join('\n', _output);
        }
    }

    /// <summary>Starts the app host's built assembly and returns once it prints that Lodestar is running.</summary>
    public static Task<AppHostProcess> StartAsync(CancellationToken cancellationToken) =>
        StartAsync(new ProcessStartInfo("dotnet", [typeof(Lodestar.AppHost.AppHostSettings).Assembly.Location]), cancellationToken);

    /// <summary>Starts Lodestar as a developer does, with scripts/run (`dotnet run` and the demo seed).</summary>
    public static Task<AppHostProcess> StartRunScriptAsync(CancellationToken cancellationToken) =>
        StartAsync(new ProcessStartInfo("bash", [Path.Combine(RepositoryFolder.Root, "scripts", "run")]), cancellationToken);

    private static async Task<AppHostProcess> StartAsync(ProcessStartInfo info, CancellationToken cancellationToken)
    {
        // Not CreateTempSubdirectory, whose folder only its owner may enter: PostgreSQL runs as its own user under root.
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "lodestar-apphost-" + Guid.NewGuid().ToString("N")[..12])).FullName;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.WorkingDirectory = folder;
        var variables = new Dictionary<string, string>(AspireDashboardVariables.OnFreePorts())
        {
            ["LODESTAR_DATA"] = folder,
            ["LODESTAR_INFRASTRUCTURE"] = "binaries",
            ["LODESTAR_SERVICE_PORTS"] = "dynamic",
            ["LODESTAR_RABBITMQ_PORT"] = "0",
            ["LODESTAR_REDIS_PORT"] = "0",
            ["LODESTAR_POSTGRES_PORT"] = "0",
            ["LODESTAR_EPHEMERAL"] = "true",
        };
        foreach (var (name, value) in variables) info.Environment[name] = value;
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the app host.");
        var host = new AppHostProcess(folder, process);
        process.OutputDataReceived += (_, e) => host.Read(e.Data);
        process.ErrorDataReceived += (_, e) => host.Read(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        try
        {
            await host._running.Task.WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await host.DisposeAsync();
            throw new TimeoutException($"The app host did not report Lodestar running within {StartTimeout.TotalMinutes:0} min:\n{host.Output}");
        }
        return host;
    }

    /// <summary>SIGTERM, as a process manager sends it; waits for the app host (or the script) to exit.</summary>
    public Task<int> TerminateAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        StopAsync(PosixSignals.Terminate, timeout, cancellationToken);

    /// <summary>SIGINT, as Ctrl+C in a terminal sends it; waits for the app host (or the script) to exit.</summary>
    public Task<int> InterruptAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        StopAsync(PosixSignals.Interrupt, timeout, cancellationToken);

    private async Task<int> StopAsync(Func<int, bool> signal, TimeSpan timeout, CancellationToken cancellationToken)
    {
        signal(_process.Id);
        await _process.WaitForExitAsync(cancellationToken).WaitAsync(timeout, cancellationToken);
        return _process.ExitCode;
    }

    private void Read(string? line)
    {
        if (line is null) return;
        lock (_outputLock) _output.Add(line);
        if (AppHostBanner.DashboardLogin().Match(line) is { Success: true } login) DashboardLogin = new Uri(login.Groups[1].Value);
        else if (AppHostBanner.GatewayRest().Match(line) is { Success: true } gateway) GatewayRest = new Uri(gateway.Groups[1].Value);
        else if (AppHostBanner.Workspace().Match(line) is { Success: true } workspace) Workspace = Guid.Parse(workspace.Groups[1].Value);
        else if (AppHostBanner.Token().Match(line) is { Success: true } token)
        {
            Token = token.Groups[1].Value;
            _running.TrySetResult();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            PosixSignals.Terminate(_process.Id);
            if (!_process.WaitForExit(TimeSpan.FromSeconds(60))) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A server may hold a file a moment longer; the folder is under the temp path.
        }
    }
}
