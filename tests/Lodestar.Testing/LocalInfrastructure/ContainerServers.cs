using DotNet.Testcontainers.Builders;

namespace Lodestar.LocalInfrastructure;

/// <summary>Creates servers as containers, with host ports chosen up front so a stop and start keeps them.</summary>
public static class ContainerServers
{
    public static RabbitMqServer RabbitMq(int port = 0)
    {
        port = port > 0 ? port : FreePort.Next();
        var container = new ContainerBuilder("rabbitmq:3.13")
            .WithPortBinding(port, 5672)
            .Build();
        return new RabbitMqServer(port, new ContainerRuntime(container));
    }

    public static RedisServer Redis(int port = 0)
    {
        port = port > 0 ? port : FreePort.Next();
        var container = new ContainerBuilder("redis:7.2")
            .WithPortBinding(port, 6379)
            .WithCommand("redis-server", "--save", "", "--appendonly", "no")
            .Build();
        return new RedisServer(port, new ContainerRuntime(container));
    }

    public static PostgresServer Postgres(bool ephemeral, int port = 0)
    {
        port = port > 0 ? port : FreePort.Next();
        var builder = new ContainerBuilder("postgres:16")
            .WithPortBinding(port, 5432)
            .WithEnvironment("POSTGRES_PASSWORD", "postgres");
        if (ephemeral) builder = builder.WithCommand("postgres", "-c", "fsync=off", "-c", "max_connections=400");
        return new PostgresServer(port, new ContainerRuntime(builder.Build()));
    }
}
