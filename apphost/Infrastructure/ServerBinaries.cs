namespace Lodestar.AppHost.Infrastructure;

/// <summary>Where Debian's rabbitmq-server, redis-server and postgresql packages put the servers' binaries.</summary>
internal sealed record ServerBinaries(string RabbitMqServer, string Epmd, string RedisServer, string PostgresBin)
{
    public const string InstallHint =
        "Install the servers (Debian: apt-get install rabbitmq-server redis-server postgresql; scripts/run does) or start a Docker engine.";

    /// <summary>The binaries, or an error naming every one that is missing.</summary>
    public static ServerBinaries Locate()
    {
        // Debian's /usr/sbin/rabbitmq-server switches to the rabbitmq user; the real script runs as anyone.
        const string debianRabbitMq = "/usr/lib/rabbitmq/bin/rabbitmq-server";
        var rabbitMq = File.Exists(debianRabbitMq) ? debianRabbitMq : Which("rabbitmq-server");
        var epmd = Which("epmd");
        var redis = Which("redis-server");
        var postgres = FindPostgresBin();
        var missing = new[] { ("rabbitmq-server", rabbitMq), ("epmd (erlang-base)", epmd), ("redis-server", redis), ("postgresql", postgres) }
            .Where(b => b.Item2 is null).Select(b => b.Item1).ToList();
        if (missing.Count > 0) throw new InvalidOperationException($"These servers are not installed: {string.Join(", ", missing)}. {InstallHint}");
        return new ServerBinaries(rabbitMq!, epmd!, redis!, postgres!);
    }

    private static string? FindPostgresBin()
    {
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "postgres")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return debian ?? (Which("postgres") is { } postgres ? Path.GetDirectoryName(postgres) : null);
    }

    private static string? Which(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin")
            .Split(Path.PathSeparator)
            .Append("/usr/sbin")
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
