namespace Lodestar.AppHost.Infrastructure;

/// <summary>Redis from Debian's redis-server, run by DCP as an executable.</summary>
public sealed class RedisServerResource(string name, string command, string workingDirectory)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public const string TcpEndpointName = "tcp";

    public EndpointReference Tcp => new(this, TcpEndpointName);

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"127.0.0.1:{Tcp.Property(EndpointProperty.Port)}");
}
