using Lodestar.ServiceDefaults;

namespace Lodestar.AppHost.Infrastructure;

/// <summary>
/// The servers as Aspire executable resources running Debian's binaries, for machines with no container runtime:
/// data under LODESTAR_DATA/infrastructure, loopback ports, a health check each that speaks the server's protocol.
/// </summary>
internal static class BinaryInfrastructure
{
    private static readonly string[] EphemeralSettings = ["-c", "fsync=off", "-c", "full_page_writes=off"];

    public static LodestarInfrastructure Add(IDistributedApplicationBuilder builder, AppHostSettings settings)
    {
        var binaries = ServerBinaries.Locate();
        var root = Path.Combine(settings.DataRoot, "infrastructure");
        var rabbitMq = AddRabbitMq(builder, binaries, Path.Combine(root, "rabbitmq"), settings.RabbitMqPort);
        var redis = AddRedis(builder, binaries, Path.Combine(root, "redis"), settings.RedisPort);
        var postgres = AddPostgres(builder, binaries, Path.Combine(root, "postgres"), settings);
        return new LodestarInfrastructure
        {
            EventBus = rabbitMq,
            Redis = redis,
            Postgres = postgres,
            AttachDatabase = service => service
                .WithEnvironment($"ConnectionStrings__{service.Resource.Name}db", postgres.Resource.DatabaseConnectionString(service.Resource.Name))
                .WaitFor(postgres),
        };
    }

    private static IResourceBuilder<IResourceWithConnectionString> AddRabbitMq(IDistributedApplicationBuilder builder, ServerBinaries binaries, string folder, int? port)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "enabled_plugins"), "[].");
        // Erlang's port mapper as a resource of its own, so that it stops with the app host rather than living on as
        // the daemon Erlang would otherwise start; on its own port, so that no other broker on the machine shares it.
        var epmd = builder.AddExecutable("epmd", binaries.Epmd, folder)
            .WithEndpoint("tcp", Direct("tcp"));
        var epmdPort = epmd.GetEndpoint("tcp");
        epmd.WithArgs(context =>
        {
            context.Args.Add("-port");
            context.Args.Add(epmdPort.Property(EndpointProperty.TargetPort));
        });
        ProbeHealthCheck.Attach(epmd, token => ServerProbes.EpmdAsync(epmdPort.Port, token));

        var server = new RabbitMqServerResource("rabbitmq", binaries.RabbitMqServer, folder);
        var rabbitMq = builder.AddResource(server)
            .WithEndpoint(RabbitMqServerResource.AmqpEndpointName, Direct("amqp", port))
            .WithEndpoint(RabbitMqServerResource.DistributionEndpointName, Direct("tcp"))
            .WithEnvironment(context =>
            {
                var amqp = server.Amqp;
                var distribution = server.GetEndpoint(RabbitMqServerResource.DistributionEndpointName);
                var variables = context.EnvironmentVariables;
                variables["HOME"] = folder; // the Erlang cookie lives here
                variables["RABBITMQ_NODENAME"] = "lodestar@localhost";
                variables["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1";
                variables["RABBITMQ_NODE_PORT"] = amqp.Property(EndpointProperty.TargetPort);
                variables["RABBITMQ_DIST_PORT"] = distribution.Property(EndpointProperty.TargetPort);
                variables["ERL_EPMD_PORT"] = epmdPort.Property(EndpointProperty.TargetPort);
                variables["RABBITMQ_MNESIA_BASE"] = Path.Combine(folder, "mnesia");
                variables["RABBITMQ_LOG_BASE"] = Path.Combine(folder, "log");
                variables["RABBITMQ_LOGS"] = "-"; // the console, which the dashboard shows
                variables["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(folder, "enabled_plugins");
                variables["RABBITMQ_CONFIG_FILE"] = Path.Combine(folder, "rabbitmq");
                variables["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(folder, "advanced.config");
                // The script then execs the Erlang VM instead of wrapping it, so DCP's SIGTERM reaches the broker,
                // which stops gracefully; and the VM never starts a port mapper of its own.
                variables["RUNNING_UNDER_SYSTEMD"] = "true";
                variables["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-start_epmd false";
            })
            .WaitFor(epmd);
        epmd.WithParentRelationship(rabbitMq);
        ProbeHealthCheck.Attach(rabbitMq, ServerProbes.RabbitMqAsync);
        return rabbitMq;
    }

    private static IResourceBuilder<IResourceWithConnectionString> AddRedis(IDistributedApplicationBuilder builder, ServerBinaries binaries, string folder, int? port)
    {
        Directory.CreateDirectory(folder);
        var server = new RedisServerResource(LodestarResources.Redis, binaries.RedisServer, folder);
        var redis = builder.AddResource(server)
            .WithEndpoint(RedisServerResource.TcpEndpointName, Direct("tcp", port))
            .WithArgs(context =>
            {
                context.Args.Add("--port");
                context.Args.Add(server.Tcp.Property(EndpointProperty.TargetPort));
                foreach (var arg in (string[])["--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", folder]) context.Args.Add(arg);
            });
        ProbeHealthCheck.Attach(redis, ServerProbes.RedisAsync);
        return redis;
    }

    private static IResourceBuilder<PostgresServerResource> AddPostgres(IDistributedApplicationBuilder builder, ServerBinaries binaries, string folder, AppHostSettings settings)
    {
        Directory.CreateDirectory(folder);
        var server = new PostgresServerResource("postgres", "/bin/sh", folder, Path.Combine(folder, "data"));
        var postgres = builder.AddResource(server)
            .WithEndpoint(PostgresServerResource.TcpEndpointName, Direct("tcp", settings.PostgresPort))
            .WithArgs(context =>
            {
                foreach (var arg in PostgresLauncher.Arguments(binaries.PostgresBin)) context.Args.Add(arg);
                foreach (var arg in (string[])["-D", server.DataDirectory, "-k", folder, "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=400", "-p"])
                    context.Args.Add(arg);
                context.Args.Add(server.Tcp.Property(EndpointProperty.TargetPort));
                // Without fsync a commit still reaches the kernel before it is acknowledged, so it survives a killed
                // server (what the fault suite does), only not a lost machine; synchronous_commit stays on for that.
                if (settings.Ephemeral)
                    foreach (var arg in EphemeralSettings) context.Args.Add(arg);
            })
            .OnBeforeResourceStarted((resource, _, cancellationToken) => PostgresLauncher.InitialiseAsync(binaries.PostgresBin, folder, resource.DataDirectory, cancellationToken));
        ProbeHealthCheck.Attach(postgres, ServerProbes.PostgresAsync);
        return postgres;
    }

    /// <summary>
    /// A loopback endpoint clients reach directly, not through a DCP proxy, so a stopped server refuses connections as
    /// a real outage does; on <paramref name="port"/>, or one DCP picks.
    /// </summary>
    private static Action<EndpointAnnotation> Direct(string scheme, int? port = null) => endpoint =>
    {
        endpoint.Port = port;
        endpoint.UriScheme = scheme;
        endpoint.IsProxied = false;
    };
}
