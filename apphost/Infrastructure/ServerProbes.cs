using System.Net.Sockets;
using Npgsql;
using RabbitMQ.Client;
using StackExchange.Redis;

namespace Lodestar.AppHost.Infrastructure;

/// <summary>One real request to each kind of server: what the services will need from it first.</summary>
internal static class ServerProbes
{
    private static readonly byte[] NamesRequest = [0, 1, (byte)'n'];

    public static async Task RabbitMqAsync(string connectionString, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = new Uri(connectionString), RequestedConnectionTimeout = TimeSpan.FromSeconds(2) };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
    }

    public static async Task RedisAsync(string connectionString, CancellationToken cancellationToken)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = true;
        options.ConnectTimeout = 2000;
        await using var redis = await ConnectionMultiplexer.ConnectAsync(options);
        await redis.GetDatabase().PingAsync().WaitAsync(cancellationToken);
    }

    public static async Task PostgresAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString + ";Timeout=2;Pooling=false");
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("select 1", connection);
        await command.ExecuteScalarAsync(cancellationToken);
    }

    /// <summary>Erlang's port mapper answers NAMES_REQ (a two-byte length, then 'n') with its own port number first.</summary>
    public static async Task EpmdAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port, cancellationToken);
        var stream = client.GetStream();
        await stream.WriteAsync(NamesRequest, cancellationToken);
        var answer = new byte[4];
        await stream.ReadExactlyAsync(answer, cancellationToken);
        if (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(answer) != port)
            throw new InvalidOperationException($"epmd on {port} answered for another port");
    }
}
