namespace Lodestar.LocalInfrastructure;

/// <summary>What to start, and where its data lives.</summary>
public sealed class LocalInfrastructureOptions
{
    /// <summary>Folder for server data and logs; a throwaway folder under the temp path by default.</summary>
    public string DataRoot { get; set; } = Path.Combine(Path.GetTempPath(), "lodestar-infra-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>Delete <see cref="DataRoot"/> when disposed (tests); keep it for the app host.</summary>
    public bool DeleteDataOnDispose { get; set; } = true;

    /// <summary>Trade durability for speed (PostgreSQL fsync off: commits survive a killed server, not a lost machine): for tests only.</summary>
    public bool Ephemeral { get; set; } = true;

    /// <summary>Fixed ports keep a server's identity (RabbitMQ's node name) across runs; 0 picks a free port.</summary>
    public int RabbitMqPort { get; set; }

    public int RedisPort { get; set; }

    public int PostgresPort { get; set; }

    public bool RabbitMq { get; set; } = true;

    public bool Redis { get; set; } = true;

    public bool Postgres { get; set; } = true;

    /// <summary>auto (containers when a Docker engine answers, else binaries), containers, or binaries.
    /// Overridden by the LODESTAR_INFRASTRUCTURE environment variable.</summary>
    public string Mode { get; set; } = Environment.GetEnvironmentVariable("LODESTAR_INFRASTRUCTURE") ?? "auto";
}
