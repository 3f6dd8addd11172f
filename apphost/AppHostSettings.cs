using Lodestar.LocalInfrastructure;
using Lodestar.ServiceDefaults;

namespace Lodestar.AppHost;

/// <summary>Where the app host keeps its data: LODESTAR_DATA (default ".lodestar" in the working folder), kept across runs.</summary>
internal static class AppHostSettings
{
    public static string DataRoot =>
        Path.GetFullPath(Environment.GetEnvironmentVariable("LODESTAR_DATA") ?? Path.Combine(Environment.CurrentDirectory, ".lodestar"));

    public static LocalInfrastructureOptions Infrastructure() => new()
    {
        DataRoot = Path.Combine(DataRoot, "infrastructure"),
        DeleteDataOnDispose = false,
        Ephemeral = false,
        // Stable ports, since RabbitMQ's node name (and so its data) follows its port; below the ephemeral range
        // (32768+), where outgoing connections could hold them.
        RabbitMqPort = Port("LODESTAR_RABBITMQ_PORT", 25772),
        RedisPort = Port("LODESTAR_REDIS_PORT", 26379),
        PostgresPort = Port("LODESTAR_POSTGRES_PORT", 25432),
    };

    /// <summary>The built assembly of a service, copied beside the app host by its project reference.</summary>
    public static string AssemblyOf<TMarker>() => typeof(TMarker).Assembly.Location;

    /// <summary>The dashboard's address: LODESTAR_DASHBOARD_PORT, default 18888 (Aspire's dashboard port).</summary>
    public static Uri DashboardAddress => new($"http://127.0.0.1:{Port("LODESTAR_DASHBOARD_PORT", 18888)}/");

    public static Uri HttpAddress(string service) => new($"http://127.0.0.1:{LodestarResources.DefaultPorts(service).Http}");

    public static Uri GrpcAddress(string service) => new($"http://127.0.0.1:{LodestarResources.DefaultPorts(service).Grpc}");

    private static int Port(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), out var port) ? port : fallback;
}
