using Lodestar.LocalInfrastructure;
using Xunit;

namespace Lodestar.Testing;

/// <summary>
/// One RabbitMQ, Redis and PostgreSQL for a whole test assembly (register with
/// <c>[assembly: AssemblyFixture(typeof(InfrastructureFixture))]</c>). Tests isolate themselves by virtual host,
/// Redis key prefix and database name, so they can run in parallel; only tests that stop a server share a collection.
/// </summary>
public sealed class InfrastructureFixture : IAsyncLifetime
{
    private LocalServers? _infrastructure;

    public LocalServers Infrastructure =>
        _infrastructure ?? throw new InvalidOperationException("The fixture has not started.");

    public RabbitMqServer RabbitMq => Infrastructure.RabbitMq!;

    public RedisServer Redis => Infrastructure.Redis!;

    public PostgresServer Postgres => Infrastructure.Postgres!;

    public async ValueTask InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        _infrastructure = await LocalServers.StartAsync(new LocalInfrastructureOptions(), cancellationToken: timeout.Token);
    }

    /// <summary>A fresh virtual host, as an amqp:// connection string.</summary>
    public Task<string> NewVirtualHostAsync(string prefix) => RabbitMq.CreateVirtualHostAsync($"{prefix}-{Unique()}");

    /// <summary>A connection string for a database that does not exist yet (migrations create it).</summary>
    public string NewPostgresDatabase(string prefix) => Postgres.ConnectionStringFor($"{prefix}_{Unique()}");

    /// <summary>A unique Redis key prefix.</summary>
    public static string NewKeyPrefix(string prefix) => $"{prefix}:{Unique()}:";

    public static string Unique() => Guid.NewGuid().ToString("N")[..10];

    public async ValueTask DisposeAsync()
    {
        if (_infrastructure is not null) await _infrastructure.DisposeAsync();
    }
}
