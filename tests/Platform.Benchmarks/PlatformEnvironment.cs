using System.Globalization;
using Lodestar.LocalInfrastructure;
using Lodestar.ServiceDefaults;

namespace Lodestar.Platform.Benchmarks;

/// <summary>
/// What the harness hands the app host, on top of what launchSettings.json gives `dotnet run`: a data folder of its
/// own and free ports for the dashboard and the servers, kept for every start so later starts find the data. The
/// services keep their documented ports.
/// </summary>
public sealed class PlatformEnvironment : IDisposable
{
    private static readonly string[] Services =
        [LodestarResources.Strategy, LodestarResources.Backlog, LodestarResources.Discovery, LodestarResources.Metrics, LodestarResources.Gateway];

    private PlatformEnvironment(string dataRoot)
    {
        DataRoot = dataRoot;
        RabbitMqPort = FreePort.Next();
        RedisPort = FreePort.Next();
        PostgresPort = FreePort.Next();
        Variables = new Dictionary<string, string>(Testing.AspireDashboardVariables.OnFreePorts())
        {
            ["LODESTAR_DATA"] = dataRoot,
            ["LODESTAR_RABBITMQ_PORT"] = Text(RabbitMqPort),
            ["LODESTAR_REDIS_PORT"] = Text(RedisPort),
            ["LODESTAR_POSTGRES_PORT"] = Text(PostgresPort),
            // DCP passes the app host's environment on to the services: the load is one workspace's, and a deployment
            // raises its limit the same way for a heavy integration.
            ["Gateway__RateLimits__Default__PermitsPerSecond"] = "1000000",
            ["Gateway__RateLimits__Default__Burst"] = "1000000",
        };
    }

    public string DataRoot { get; }

    public int RabbitMqPort { get; }

    public int RedisPort { get; }

    public int PostgresPort { get; }

    public IReadOnlyDictionary<string, string> Variables { get; }

    public static PlatformEnvironment Create()
    {
        foreach (var name in Services)
        {
            var (http, grpc) = LodestarResources.DefaultPorts(name);
            foreach (var port in new[] { http, grpc })
                if (!FreePort.IsFree(port)) throw new InvalidOperationException($"Port {port} ({name}) is in use: stop the app host or whatever holds it, then run again.");
        }
        // Not CreateTempSubdirectory, whose folder only its owner may enter: PostgreSQL runs as its own user under root.
        var dataRoot = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "lodestar-footprint-" + Guid.NewGuid().ToString("N")[..12])).FullName;
        return new PlatformEnvironment(dataRoot);
    }

    /// <summary>Whether a service name is one of the four services or the gateway.</summary>
    public static bool IsService(string name) => Services.Contains(name);

    public static IReadOnlyList<string> ServiceNames => Services;

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
