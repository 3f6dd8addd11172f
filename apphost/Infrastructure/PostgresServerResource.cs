namespace Lodestar.AppHost.Infrastructure;

/// <summary>PostgreSQL from Debian's postgresql, run by DCP as an executable; each service has its own database on it.</summary>
public sealed class PostgresServerResource(string name, string command, string workingDirectory, string dataDirectory)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public const string TcpEndpointName = "tcp";

    /// <summary>The cluster's folder (initialised with initdb before the first start).</summary>
    public string DataDirectory { get; } = dataDirectory;

    public EndpointReference Tcp => new(this, TcpEndpointName);

    /// <summary>The maintenance database, for health checks and tools.</summary>
    public ReferenceExpression ConnectionStringExpression => DatabaseConnectionString("postgres");

    /// <summary>A Npgsql connection string for <paramref name="database"/>, which the service's migrations create when missing.</summary>
    public ReferenceExpression DatabaseConnectionString(string database) =>
        ReferenceExpression.Create($"Host=127.0.0.1;Port={Tcp.Property(EndpointProperty.Port)};Username=postgres;Password=postgres;Database={database}");
}
