using Npgsql;

namespace Lodestar.LocalInfrastructure;

/// <summary>A PostgreSQL server; tests isolate themselves by database.</summary>
/// <param name="port">The loopback port it listens on.</param>
/// <param name="runtime">The process or container it runs in.</param>
/// <param name="dataDirectory">The cluster's folder when the server runs from its binaries here, for a fast shutdown.</param>
public sealed class PostgresServer(int port, IServerRuntime runtime, string? dataDirectory = null) : LocalServer("postgres", port, runtime)
{
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(20);

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

    /// <summary>
    /// A fast shutdown, as <c>pg_ctl stop -m fast</c>: SIGINT to the postmaster ends the sessions, writes a checkpoint and
    /// exits. SIGTERM would be the "smart" shutdown, which waits for every pooled client to leave; and runuser, which
    /// starts PostgreSQL when the tests run as root, answers SIGTERM by killing it two seconds later.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Postmaster() is { } pid && PosixSignals.Interrupt(pid))
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (Runtime.IsRunning && clock.Elapsed < ShutdownGrace) await Task.Delay(100, cancellationToken);
        }
        await base.StopAsync(cancellationToken);
    }

    /// <summary>The postmaster's process id, the first line of postmaster.pid while the server runs.</summary>
    private int? Postmaster()
    {
        if (dataDirectory is null || !Runtime.IsRunning) return null;
        try
        {
            var first = File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).FirstOrDefault();
            return int.TryParse(first, System.Globalization.CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    protected override async Task ProbeAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString + ";Timeout=2");
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("select 1", connection);
        await command.ExecuteScalarAsync(cancellationToken);
    }
}
