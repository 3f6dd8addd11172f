using Lodestar.LocalInfrastructure;

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
        // Stable ports: RabbitMQ's node name, and so its data, follows its port.
        RabbitMqPort = Port("LODESTAR_RABBITMQ_PORT", 35672),
        RedisPort = Port("LODESTAR_REDIS_PORT", 36379),
        PostgresPort = Port("LODESTAR_POSTGRES_PORT", 35432),
    };

    private static int Port(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), out var port) ? port : fallback;
}
