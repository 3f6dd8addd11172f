using Lodestar.AppHost.Orchestration;
using Lodestar.LocalInfrastructure;
using Lodestar.ServiceDefaults;

namespace Lodestar.AppHost;

/// <summary>The connection strings services receive, in the configuration conventions of architecture.md.</summary>
internal static class ResourceEnvironment
{
    public static IReadOnlyDictionary<string, string> For(LocalServers infrastructure)
    {
        var variables = new Dictionary<string, string>();
        if (infrastructure.RabbitMq is { } rabbit) variables[$"ConnectionStrings__{LodestarResources.EventBus}"] = rabbit.ConnectionString;
        if (infrastructure.Redis is { } redis) variables[$"ConnectionStrings__{LodestarResources.Redis}"] = redis.ConnectionString;
        if (infrastructure.Postgres is { } postgres) variables["LODESTAR_POSTGRES"] = postgres.ConnectionString;
        return variables;
    }

    /// <summary>Everything a service process receives: connections, endpoints, data folder, environment.</summary>
    public static Dictionary<string, string> ForService(LocalServers infrastructure, PlatformOptions options, string service)
    {
        var variables = new Dictionary<string, string>(For(infrastructure))
        {
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Kestrel__Endpoints__http__Url"] = options.HttpAddress(service).ToString().TrimEnd('/'),
            ["Kestrel__Endpoints__grpc__Url"] = options.GrpcAddress(service).ToString().TrimEnd('/'),
            ["Lodestar__DataPath"] = Path.Combine(options.DataRoot, "data"),
            ["OTEL_SERVICE_NAME"] = service,
        };
        variables.Remove("LODESTAR_POSTGRES");
        if (options.ServicesOnPostgres)
        {
            var postgres = infrastructure.Postgres ?? throw new InvalidOperationException("Services on PostgreSQL need the PostgreSQL server: turn it on in the infrastructure options.");
            variables[$"ConnectionStrings__{service}db"] = postgres.ConnectionStringFor(service);
        }
        // Every service's address, for the gateway and for services that call each other.
        foreach (var name in new[] { LodestarResources.Strategy, LodestarResources.Backlog, LodestarResources.Discovery, LodestarResources.Metrics })
        {
            variables[$"services__{name}__http__0"] = options.HttpAddress(name).ToString().TrimEnd('/');
            variables[$"services__{name}__grpc__0"] = options.GrpcAddress(name).ToString().TrimEnd('/');
        }
        // Telemetry goes where the app host's own OTEL_EXPORTER_OTLP_* settings say (endpoint, protocol, headers).
        foreach (var (name, value) in Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
                     .Select(e => ((string)e.Key, e.Value as string))
                     .Where(e => e.Item1.StartsWith("OTEL_EXPORTER_OTLP_", StringComparison.Ordinal) && !string.IsNullOrEmpty(e.Item2)))
        {
            variables[name] = value!;
        }
        foreach (var (name, value) in options.Settings) variables[name] = value;
        return variables;
    }

    public static void Print(LocalServers infrastructure, TextWriter output)
    {
        output.WriteLine($"Infrastructure ({infrastructure.Mode}):");
        foreach (var server in infrastructure.Servers) output.WriteLine($"  {server}");
        output.WriteLine("Environment for services:");
        foreach (var (name, value) in For(infrastructure)) output.WriteLine($"  {name}={value}");
    }
}
