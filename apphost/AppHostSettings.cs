using Microsoft.Extensions.Configuration;

namespace Lodestar.AppHost;

/// <summary>
/// What a local run varies, read from the app host's configuration (environment or <c>--NAME=value</c> arguments):
/// where data is kept, how the servers run, and which ports are fixed. A developer's run keeps the defaults; the tests
/// give each platform its own folder and free ports.
/// </summary>
public sealed class AppHostSettings
{
    /// <summary>LODESTAR_DATA: the servers' data and the services' files, kept across runs (default ".lodestar").</summary>
    public required string DataRoot { get; init; }

    /// <summary>LODESTAR_INFRASTRUCTURE: auto (containers where a container runtime answers, else binaries), containers or binaries.</summary>
    public required string Infrastructure { get; init; }

    /// <summary>
    /// LODESTAR_RABBITMQ_PORT, LODESTAR_REDIS_PORT, LODESTAR_POSTGRES_PORT: fixed below the ephemeral range by default,
    /// since RabbitMQ's data follows its node and a developer's tools remember ports; 0 lets DCP choose.
    /// </summary>
    public int? RabbitMqPort { get; init; }

    public int? RedisPort { get; init; }

    public int? PostgresPort { get; init; }

    /// <summary>LODESTAR_SERVICE_PORTS: "fixed" puts the gateway on 5100/5110 and each service on its 510x/511x ports; "dynamic" lets DCP choose.</summary>
    public bool FixedServicePorts { get; init; }

    /// <summary>LODESTAR_EPHEMERAL=true trades PostgreSQL's durability for speed (fsync off): for tests only.</summary>
    public bool Ephemeral { get; init; }

    /// <summary>--seed demo: fill the development workspace with the demo product once the gateway is healthy.</summary>
    public bool SeedDemo { get; init; }

    public static AppHostSettings From(IConfiguration configuration) => new()
    {
        DataRoot = Path.GetFullPath(configuration["LODESTAR_DATA"] is { Length: > 0 } data ? data : Path.Combine(Environment.CurrentDirectory, ".lodestar")),
        Infrastructure = configuration["LODESTAR_INFRASTRUCTURE"] is { Length: > 0 } mode ? mode : "auto",
        RabbitMqPort = Port(configuration, "LODESTAR_RABBITMQ_PORT", 25772),
        RedisPort = Port(configuration, "LODESTAR_REDIS_PORT", 26379),
        PostgresPort = Port(configuration, "LODESTAR_POSTGRES_PORT", 25432),
        FixedServicePorts = !string.Equals(configuration["LODESTAR_SERVICE_PORTS"], "dynamic", StringComparison.OrdinalIgnoreCase),
        Ephemeral = string.Equals(configuration["LODESTAR_EPHEMERAL"], "true", StringComparison.OrdinalIgnoreCase),
        SeedDemo = SeedOption.WantsDemo(configuration["seed"]),
    };

    private static int? Port(IConfiguration configuration, string key, int fallback) =>
        int.TryParse(configuration[key], out var port) ? (port > 0 ? port : null) : fallback;
}
