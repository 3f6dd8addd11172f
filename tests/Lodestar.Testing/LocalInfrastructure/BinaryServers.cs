using System.Diagnostics;

namespace Lodestar.LocalInfrastructure;

/// <summary>Creates servers from the binaries of Debian's rabbitmq-server, redis-server and postgresql packages.</summary>
public static class BinaryServers
{
    public const string InstallHint =
        "Install the servers (Debian: apt-get install rabbitmq-server redis-server postgresql) or start a Docker engine.";

    public static IReadOnlyList<string> Missing(LocalInfrastructureOptions options)
    {
        var missing = new List<string>();
        if (options.RabbitMq && RabbitMqBinary() is null) missing.Add("rabbitmq-server");
        if (options.Redis && Which("redis-server") is null) missing.Add("redis-server");
        if (options.Postgres && PostgresBin() is null) missing.Add("postgresql");
        return missing;
    }

    public static RabbitMqServer RabbitMq(string dataDir, int port = 0)
    {
        var server = RabbitMqBinary() ?? throw new InfrastructureUnavailableException(InstallHint);
        port = port > 0 ? port : FreePort.Next();
        var node = $"lodestar{port}@localhost";
        Directory.CreateDirectory(dataDir);
        File.WriteAllText(Path.Combine(dataDir, "enabled_plugins"), "[].");
        var env = new Dictionary<string, string>
        {
            ["HOME"] = dataDir, // Erlang cookie lives here.
            ["RABBITMQ_NODENAME"] = node,
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = port.ToString(),
            ["RABBITMQ_DIST_PORT"] = FreePort.Next().ToString(),
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(dataDir, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(dataDir, "log"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(dataDir, "enabled_plugins"),
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(dataDir, "rabbitmq"),
            ["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(dataDir, "advanced.config"),
        };
        var ctl = Path.Combine(Path.GetDirectoryName(server)!, "rabbitmqctl");
        var runtime = new ChildProcessRuntime(
            Start(server, [], env, dataDir),
            Path.Combine(dataDir, "console.log"),
            (_, args) => Start(ctl, ["-n", node, .. args], env, dataDir));
        return new RabbitMqServer(port, runtime);
    }

    public static RedisServer Redis(string dataDir, int port = 0)
    {
        var server = Which("redis-server") ?? throw new InfrastructureUnavailableException(InstallHint);
        port = port > 0 ? port : FreePort.Next();
        Directory.CreateDirectory(dataDir);
        string[] args = ["--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dataDir];
        var runtime = new ChildProcessRuntime(
            Start(server, args, new Dictionary<string, string>(), dataDir),
            Path.Combine(dataDir, "console.log"),
            (tool, toolArgs) => Start(Which(tool) ?? tool, ["-p", port.ToString(), .. toolArgs], new Dictionary<string, string>(), dataDir));
        return new RedisServer(port, runtime);
    }

    public static PostgresServer Postgres(string dataDir, bool ephemeral, int port = 0)
    {
        var bin = PostgresBin() ?? throw new InfrastructureUnavailableException(InstallHint);
        port = port > 0 ? port : FreePort.Next();
        var data = Path.Combine(dataDir, "data");
        Directory.CreateDirectory(dataDir);
        var asRoot = Environment.UserName == "root";
        if (asRoot) RunToCompletion(Start("chown", ["-R", "postgres:postgres", dataDir], new Dictionary<string, string>(), dataDir, false));
        if (!Directory.Exists(data) || !File.Exists(Path.Combine(data, "PG_VERSION")))
        {
            RunToCompletion(Start(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"],
                new Dictionary<string, string>(), dataDir, asRoot));
        }
        List<string> args = ["-D", data, "-p", port.ToString(), "-k", dataDir, "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=400"];
        // Without fsync a commit still reaches the kernel before it is acknowledged, so it survives a killed server
        // (what the fault suite does), only not a lost machine; synchronous_commit stays on for that reason.
        if (ephemeral) args.AddRange(["-c", "fsync=off", "-c", "full_page_writes=off"]);
        var runtime = new ChildProcessRuntime(
            Start(Path.Combine(bin, "postgres"), args, new Dictionary<string, string>(), dataDir, asRoot),
            Path.Combine(dataDir, "console.log"),
            (tool, toolArgs) => Start(Path.Combine(bin, tool), toolArgs, new Dictionary<string, string>(), dataDir, asRoot));
        return new PostgresServer(port, runtime, data);
    }

    private static ProcessStartInfo Start(string file, IEnumerable<string> args, IDictionary<string, string> env, string workingDir, bool asPostgresUser = false)
    {
        // initdb and postgres refuse to run as root.
        var info = asPostgresUser
            ? new ProcessStartInfo("runuser") { ArgumentList = { "-u", "postgres", "--", file } }
            : new ProcessStartInfo(file);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        foreach (var (key, value) in env) info.Environment[key] = value;
        info.WorkingDirectory = workingDir;
        return info;
    }

    private static void RunToCompletion(ProcessStartInfo info)
    {
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {info.FileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{info.FileName} {string.Join(' ', info.ArgumentList)} failed ({process.ExitCode}): {output.Result}{error}");
    }

    private static string? RabbitMqBinary()
    {
        // Debian's /usr/sbin/rabbitmq-server switches to the rabbitmq user; the real script runs as anyone.
        const string debian = "/usr/lib/rabbitmq/bin/rabbitmq-server";
        return File.Exists(debian) ? debian : Which("rabbitmq-server");
    }

    private static string? PostgresBin()
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
