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

    public static void Print(LocalServers infrastructure, TextWriter output)
    {
        output.WriteLine($"Infrastructure ({infrastructure.Mode}):");
        foreach (var server in infrastructure.Servers) output.WriteLine($"  {server}");
        output.WriteLine("Environment for services:");
        foreach (var (name, value) in For(infrastructure)) output.WriteLine($"  {name}={value}");
    }
}
