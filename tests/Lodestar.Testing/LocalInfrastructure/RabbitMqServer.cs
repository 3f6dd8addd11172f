using RabbitMQ.Client;

namespace Lodestar.LocalInfrastructure;

/// <summary>A RabbitMQ broker; tests isolate themselves by virtual host.</summary>
public sealed class RabbitMqServer(int port, IServerRuntime runtime) : LocalServer("rabbitmq", port, runtime)
{
    public override string ConnectionString => ConnectionStringFor("/");

    /// <summary>An amqp:// URI for the given virtual host.</summary>
    public string ConnectionStringFor(string virtualHost) =>
        $"amqp://guest:guest@127.0.0.1:{Port}/{Uri.EscapeDataString(virtualHost)}";

    /// <summary>Creates a virtual host and gives the default user full rights on it.</summary>
    public async Task<string> CreateVirtualHostAsync(string name, CancellationToken cancellationToken = default)
    {
        (await Runtime.RunToolAsync("rabbitmqctl", ["add_vhost", name], cancellationToken)).EnsureSuccess($"rabbitmqctl add_vhost {name}");
        (await Runtime.RunToolAsync("rabbitmqctl", ["set_permissions", "-p", name, "guest", ".*", ".*", ".*"], cancellationToken))
            .EnsureSuccess($"rabbitmqctl set_permissions {name}");
        return ConnectionStringFor(name);
    }

    protected override async Task ProbeAsync(CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = new Uri(ConnectionString), RequestedConnectionTimeout = TimeSpan.FromSeconds(2) };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
    }
}
