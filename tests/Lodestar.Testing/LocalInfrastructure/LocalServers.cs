using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lodestar.LocalInfrastructure;

/// <summary>
/// Real RabbitMQ, Redis and PostgreSQL on loopback ports: containers where a Docker engine answers, otherwise the
/// servers' own binaries as child processes, otherwise <see cref="InfrastructureUnavailableException"/> naming what to
/// install. Shared by the test fixtures and the app host.
/// </summary>
public sealed class LocalServers : IAsyncDisposable
{
    private readonly LocalInfrastructureOptions _options;

    private LocalServers(LocalInfrastructureOptions options, string mode, RabbitMqServer? rabbitMq, RedisServer? redis, PostgresServer? postgres)
    {
        _options = options;
        Mode = mode;
        RabbitMq = rabbitMq;
        Redis = redis;
        Postgres = postgres;
    }

    /// <summary>"containers" or "binaries".</summary>
    public string Mode { get; }

    public RabbitMqServer? RabbitMq { get; }

    public RedisServer? Redis { get; }

    public PostgresServer? Postgres { get; }

    public IEnumerable<LocalServer> Servers => new LocalServer?[] { RabbitMq, Redis, Postgres }.OfType<LocalServer>();

    public static async Task<LocalServers> StartAsync(
        LocalInfrastructureOptions options, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        logger ??= NullLogger.Instance;
        var mode = await ChooseModeAsync(options, cancellationToken);
        var infrastructure = mode == "containers"
            ? new LocalServers(options, mode,
                options.RabbitMq ? ContainerServers.RabbitMq(options.RabbitMqPort) : null,
                options.Redis ? ContainerServers.Redis(options.RedisPort) : null,
                options.Postgres ? ContainerServers.Postgres(options.Ephemeral, options.PostgresPort) : null)
            : new LocalServers(options, mode,
                options.RabbitMq ? BinaryServers.RabbitMq(Path.Combine(options.DataRoot, "rabbitmq"), options.RabbitMqPort) : null,
                options.Redis ? BinaryServers.Redis(Path.Combine(options.DataRoot, "redis"), options.RedisPort) : null,
                options.Postgres ? BinaryServers.Postgres(Path.Combine(options.DataRoot, "postgres"), options.Ephemeral, options.PostgresPort) : null);
        try
        {
            await Task.WhenAll(infrastructure.Servers.Select(s => s.StartAsync(cancellationToken)));
        }
        catch
        {
            await infrastructure.DisposeAsync();
            throw;
        }
        foreach (var server in infrastructure.Servers) logger.LogInformation("Started {Server}", server);
        return infrastructure;
    }

    private static async Task<string> ChooseModeAsync(LocalInfrastructureOptions options, CancellationToken cancellationToken)
    {
        switch (options.Mode)
        {
            case "containers":
                return "containers";
            case "binaries":
                var missing = BinaryServers.Missing(options);
                return missing.Count == 0 ? "binaries" : throw Unavailable(missing);
            case "auto":
                if (await DockerEngine.AnswersAsync(cancellationToken)) return "containers";
                var absent = BinaryServers.Missing(options);
                return absent.Count == 0 ? "binaries" : throw Unavailable(absent);
            default:
                throw new ArgumentException($"Unknown infrastructure mode '{options.Mode}': use auto, containers or binaries.", nameof(options));
        }
    }

    private static InfrastructureUnavailableException Unavailable(IReadOnlyList<string> missing) =>
        new($"No Docker engine answers and these servers are not installed: {string.Join(", ", missing)}. {BinaryServers.InstallHint}");

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(Servers.Select(async s =>
        {
            await s.StopAsync();
            await s.DisposeAsync();
        }));
        if (_options.DeleteDataOnDispose && Directory.Exists(_options.DataRoot))
        {
            try
            {
                Directory.Delete(_options.DataRoot, recursive: true);
            }
            catch (IOException)
            {
                // A server still flushing; the folder is under the temp path.
            }
        }
    }
}
