using Lodestar.AppHost.Orchestration;
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

    /// <summary>The local run: data under <see cref="DataRoot"/>, the services on their default ports; LODESTAR_DATABASE=postgres puts their data in PostgreSQL.</summary>
    public static PlatformOptions Platform(TextWriter echo) => new()
    {
        DataRoot = DataRoot,
        Infrastructure = Infrastructure(),
        ServicesOnPostgres = string.Equals(Environment.GetEnvironmentVariable("LODESTAR_DATABASE"), "postgres", StringComparison.OrdinalIgnoreCase),
        Echo = echo,
    };

    /// <summary>The dashboard's address: LODESTAR_DASHBOARD_PORT, default 18888 (Aspire's dashboard port).</summary>
    public static Uri DashboardAddress => new($"http://127.0.0.1:{Port("LODESTAR_DASHBOARD_PORT", 18888)}/");

    private static int Port(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), out var port) ? port : fallback;
}
