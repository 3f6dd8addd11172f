namespace Lodestar.AppHost.Infrastructure;

/// <summary>RabbitMQ from Debian's rabbitmq-server, run by DCP as an executable; its connection string is the services' event bus.</summary>
public sealed class RabbitMqServerResource(string name, string command, string workingDirectory)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public const string AmqpEndpointName = "amqp";
    public const string DistributionEndpointName = "dist";

    public EndpointReference Amqp => new(this, AmqpEndpointName);

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"amqp://guest:guest@127.0.0.1:{Amqp.Property(EndpointProperty.Port)}/%2F");
}
