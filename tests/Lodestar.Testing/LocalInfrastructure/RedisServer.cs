using StackExchange.Redis;

namespace Lodestar.LocalInfrastructure;

/// <summary>A Redis server; tests isolate themselves by key prefix.</summary>
public sealed class RedisServer(int port, IServerRuntime runtime) : LocalServer("redis", port, runtime)
{
    public override string ConnectionString => $"127.0.0.1:{Port}";

    protected override async Task ProbeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync($"{ConnectionString},abortConnect=true,connectTimeout=2000");
        await connection.GetDatabase().PingAsync();
    }
}
