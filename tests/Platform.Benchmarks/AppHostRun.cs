using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Lodestar.AppHost.Dashboard;
using Lodestar.AppHost.Orchestration;
using Lodestar.ServiceDefaults;

namespace Lodestar.Platform.Benchmarks;

/// <summary>
/// One `dotnet run --project apphost`: when the infrastructure answered (the dashboard comes up right after it), when
/// every service's /health answered 200, and which processes belong to what, read from the dashboard and /proc.
/// </summary>
public sealed class AppHostRun : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly DotnetRun _run;
    private readonly Uri _dashboard;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };

    private AppHostRun(DotnetRun run, Uri dashboard)
    {
        _run = run;
        _dashboard = dashboard;
    }

    public TimeSpan InfrastructureReady { get; private set; }

    public TimeSpan AllHealthy { get; private set; }

    public static async Task<AppHostRun> StartAsync(string root, PlatformEnvironment environment)
    {
        var run = new AppHostRun(DotnetRun.Start(root, "apphost", [], environment.Variables, "Lodestar.AppHost"), environment.Dashboard);
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

    public async Task<DashboardLinks> LinksAsync() =>
        await _http.GetFromJsonAsync<DashboardLinks>(new Uri(_dashboard, "/api/links"), Json) ?? throw new InvalidOperationException("The dashboard gave no links.");

    /// <summary>Every process of the run by what it is: the CLI, the app host, each service, each infrastructure server.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<int>>> ProcessGroupsAsync()
    {
        var services = (await ResourcesAsync() ?? []).Where(r => r is { Kind: "service", ProcessId: not null }).ToDictionary(r => r.ProcessId!.Value, r => r.Name);
        var groups = new Dictionary<string, IReadOnlyList<int>> { ["dotnet run (CLI)"] = [_run.LauncherId] };
        if (_run.ProgramId is not { } appHost) return groups;
        groups["app host"] = [appHost];
        foreach (var child in ProcessTree.Descendants(appHost).Where(pid => ParentOf(pid) == appHost))
        {
            var name = services.GetValueOrDefault(child) ?? Classify(child);
            var members = groups.TryGetValue(name, out var existing) ? existing : [];
            groups[name] = [.. members, child, .. ProcessTree.Descendants(child)];
        }
        return groups;
    }

    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        return _run.DisposeAsync();
    }

    public Task StopAsync() => _run.StopAsync();

    private async Task WaitHealthyAsync()
    {
        var expected = LodestarPlatform.Services.Count;
        while (_run.Clock.Elapsed < StartTimeout)
        {
            if (_run.HasExited) throw new InvalidOperationException($"The app host exited while starting:\n{_run.LogTail()}");
            var resources = await ResourcesAsync();
            if (resources is not null && InfrastructureReady == TimeSpan.Zero) InfrastructureReady = _run.Clock.Elapsed;
            var services = resources?.Where(r => r.Kind == "service").ToList() ?? [];
            if (services.Count == expected && (await Task.WhenAll(services.Select(IsHealthyAsync))).All(healthy => healthy))
            {
                AllHealthy = _run.Clock.Elapsed;
                return;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"The platform was not healthy within {StartTimeout.TotalMinutes:0} minutes:\n{_run.LogTail()}");
    }

    private async Task<bool> IsHealthyAsync(ResourceView service)
    {
        if (!service.Endpoints.TryGetValue("http", out var http)) return false;
        try
        {
            using var response = await _http.GetAsync(new Uri(new Uri(http), ServiceDefaultsExtensions.HealthPath));
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private async Task<IReadOnlyList<ResourceView>?> ResourcesAsync()
    {
        try
        {
            return await _http.GetFromJsonAsync<List<ResourceView>>(new Uri(_dashboard, "/api/resources"), Json);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
        {
            return null;
        }
    }

    private static string Classify(int pid)
    {
        var command = DotnetRun.CommandLine(pid);
        if (command.Contains("rabbit", StringComparison.OrdinalIgnoreCase) || command.Contains("beam", StringComparison.Ordinal)) return "RabbitMQ";
        if (command.Contains("redis", StringComparison.OrdinalIgnoreCase)) return "Redis";
        if (command.Contains("postgres", StringComparison.OrdinalIgnoreCase)) return "PostgreSQL";
        return command.Split(' ')[0];
    }

    private static int ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or FormatException or ArgumentOutOfRangeException)
        {
            return -1;
        }
    }
}
