using System.Globalization;
using Lodestar.AppHost.Orchestration;
using Lodestar.LocalInfrastructure;
using Lodestar.ServiceDefaults;

namespace Lodestar.Platform.Benchmarks;

/// <summary>
/// What the harness hands the app host: a data folder of its own and free ports for the dashboard and the
/// infrastructure, kept for every start so later starts find the data. The services keep their documented ports.
/// </summary>
public sealed class PlatformEnvironment : IDisposable
{
    private PlatformEnvironment(string dataRoot, int dashboardPort)
    {
        DataRoot = dataRoot;
        Dashboard = new Uri($"http://127.0.0.1:{dashboardPort}/");
        Variables = new Dictionary<string, string>
        {
            ["LODESTAR_DATA"] = dataRoot,
            ["LODESTAR_DASHBOARD_PORT"] = Text(dashboardPort),
            ["LODESTAR_RABBITMQ_PORT"] = Text(FreePort.Next()),
            ["LODESTAR_REDIS_PORT"] = Text(FreePort.Next()),
            ["LODESTAR_POSTGRES_PORT"] = Text(FreePort.Next()),
            // The load is one workspace's; a deployment raises its limit the same way for a heavy integration.
            ["Gateway__RateLimits__Default__PermitsPerSecond"] = "1000000",
            ["Gateway__RateLimits__Default__Burst"] = "1000000",
        };
    }

    public string DataRoot { get; }

    public Uri Dashboard { get; }

    public IReadOnlyDictionary<string, string> Variables { get; }

    public static PlatformEnvironment Create()
    {
        foreach (var (name, _) in LodestarPlatform.Services)
        {
            var (http, grpc) = LodestarResources.DefaultPorts(name);
            foreach (var port in new[] { http, grpc })
                if (!FreePort.IsFree(port)) throw new InvalidOperationException($"Port {port} ({name}) is in use: stop the app host or whatever holds it, then run again.");
        }
        // Not CreateTempSubdirectory, whose folder only its owner may enter: PostgreSQL runs as its own user under root.
        var dataRoot = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "lodestar-footprint-" + Guid.NewGuid().ToString("N")[..12])).FullName;
        return new PlatformEnvironment(dataRoot, FreePort.Next());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(DataRoot, recursive: true);
        }
        catch (IOException)
        {
            // A server may hold a file a moment longer; the folder is under the temp path.
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
