using Lodestar.ServiceDefaults;

namespace Lodestar.AppHost.Infrastructure;

/// <summary>
/// The servers as Aspire's container resources, where Docker or Podman answers. Not exercised by CI (no container
/// engine there); kept to what Aspire's integrations give, with named volumes so data survives a restart.
/// </summary>
internal static class ContainerInfrastructure
{
    public static LodestarInfrastructure Add(IDistributedApplicationBuilder builder, AppHostSettings settings)
    {
        var rabbitMq = builder.AddRabbitMQ("rabbitmq", port: settings.RabbitMqPort).WithDataVolume();
        var redis = builder.AddRedis(LodestarResources.Redis, port: settings.RedisPort);
        var postgres = builder.AddPostgres("postgres", port: settings.PostgresPort).WithDataVolume();
        return new LodestarInfrastructure
        {
            EventBus = rabbitMq,
            Redis = redis,
            Postgres = postgres,
            AttachDatabase = service =>
            {
                var database = postgres.AddDatabase($"{service.Resource.Name}db", databaseName: service.Resource.Name);
                return service.WithReference(database).WaitFor(database);
            },
        };
    }
}
