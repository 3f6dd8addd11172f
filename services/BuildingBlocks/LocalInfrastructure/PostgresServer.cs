using Npgsql;

namespace Lodestar.LocalInfrastructure;

/// <summary>A PostgreSQL server; tests isolate themselves by database.</summary>
public sealed class PostgresServer(int port, IServerRuntime runtime) : LocalServer("postgres", port, runtime)
{
    public override string ConnectionString => ConnectionStringFor("postgres");

    /// <summary>A Npgsql connection string for the given database (created by EF migrations when missing).</summary>
    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = "postgres",
            Password = "postgres",
            Database = database,
        }.ConnectionString;

    protected override async Task ProbeAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString + ";Timeout=2");
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("select 1", connection);
        await command.ExecuteScalarAsync(cancellationToken);
    }
}
