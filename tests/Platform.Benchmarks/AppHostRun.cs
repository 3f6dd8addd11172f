using System.Net.Sockets;
using Lodestar.AppHost;
using Lodestar.Testing;

namespace Lodestar.Platform.Benchmarks;

/// <summary>
/// One `dotnet run --project apphost`: when the servers first accepted connections, when the app host printed that
/// Lodestar is running (the gateway, which waits for every service to be healthy, is healthy itself), the development
/// access it printed, and which processes belong to what, read from /proc.
/// </summary>
public sealed class AppHostRun : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);
    private readonly DotnetRun _run;
    private readonly PlatformEnvironment _environment;
    private IReadOnlyDictionary<string, IReadOnlyList<int>>? _groups;

    private AppHostRun(DotnetRun run, PlatformEnvironment environment)
    {
        _run = run;
        _environment = environment;
    }

    public TimeSpan InfrastructureReady { get; private set; }

    public TimeSpan AllHealthy { get; private set; }

    public DevelopmentAccess Access { get; private set; } = null!;

    public static async Task<AppHostRun> StartAsync(string root, PlatformEnvironment environment)
    {
        var run = new AppHostRun(DotnetRun.Start(root, "apphost", [], environment.Variables, "Lodestar.AppHost"), environment);
        try
        {
            await run.WaitHealthyAsync();
            return run;
        }
        catch
        {
            await run.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Every process of the run by what it is: the CLI, the app host, DCP, the dashboard, each service and its launcher,
    /// each server. Found once: a running platform keeps its processes, and finding them reads every process's
    /// environment, which the samples taken every 0.5 s under load would otherwise add to the load they measure.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<int>> ProcessGroups() => _groups ??= FindProcessGroups();

    private Dictionary<string, IReadOnlyList<int>> FindProcessGroups()
    {
        var groups = new Dictionary<string, List<int>> { [MemorySamples.Launcher] = [_run.LauncherId] };
        var appHost = _run.ProgramId ?? throw new InvalidOperationException("The app host runs no longer.");
        groups["app host"] = [appHost];
        foreach (var (id, commandLine) in OwnedProcesses.Of(appHost, _environment.DataRoot))
        {
            if (id == _run.LauncherId) continue;
            var group = Classify(commandLine);
            if (!groups.TryGetValue(group, out var members)) groups[group] = members = [];
            members.Add(id);
        }
        return groups.ToDictionary(g => g.Key, g => (IReadOnlyList<int>)g.Value);
    }

    public ValueTask DisposeAsync() => _run.DisposeAsync();

    private async Task WaitHealthyAsync()
    {
        var servers = new[] { _environment.RabbitMqPort, _environment.RedisPort, _environment.PostgresPort };
        while (_run.Clock.Elapsed < StartTimeout)
        {
            if (_run.HasExited) throw new InvalidOperationException($"The app host exited while starting:\n{_run.LogTail()}");
            if (InfrastructureReady == TimeSpan.Zero && servers.All(Accepts)) InfrastructureReady = _run.Clock.Elapsed;
            if (_run.Find(AppHostBanner.Running()) is not null && _run.Find(AppHostBanner.Token()) is { } token && _run.Find(AppHostBanner.Workspace()) is { } workspace)
            {
                AllHealthy = _run.FoundAt(AppHostBanner.Running());
                Access = new DevelopmentAccess(Guid.Parse(workspace.Groups[1].Value), token.Groups[1].Value);
                return;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"The platform was not healthy within {StartTimeout.TotalMinutes:0} minutes:\n{_run.LogTail()}");
    }

    private static bool Accepts(int port)
    {
        using var client = new TcpClient();
        try
        {
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static string Classify(string commandLine)
    {
        foreach (var service in PlatformEnvironment.ServiceNames)
        {
            var assembly = service == "gateway" ? "Lodestar.Gateway" : $"Lodestar.{char.ToUpperInvariant(service[0])}{service[1..]}.Api";
            if (!commandLine.Contains(assembly, StringComparison.Ordinal)) continue;
            // DCP starts each service through `dotnet run --no-build`, which stays resident as the service's parent.
            return commandLine.Contains(" run ", StringComparison.Ordinal) ? "dotnet run (service launchers)" : service;
        }
        if (commandLine.Contains("beam", StringComparison.Ordinal) || commandLine.Contains("epmd", StringComparison.Ordinal)
            || commandLine.Contains("erl_child_setup", StringComparison.Ordinal) || commandLine.Contains("inet_gethost", StringComparison.Ordinal)) return "RabbitMQ";
        if (commandLine.Contains("redis", StringComparison.Ordinal)) return "Redis";
        if (commandLine.Contains("postgres", StringComparison.Ordinal)) return "PostgreSQL";
        if (commandLine.Contains("Aspire.Dashboard", StringComparison.Ordinal)) return "Aspire dashboard";
        if (commandLine.Contains("dcp", StringComparison.Ordinal)) return "DCP (orchestrator)";
        return commandLine.Split(' ')[0];
    }
}
