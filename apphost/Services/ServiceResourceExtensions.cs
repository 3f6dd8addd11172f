using Lodestar.AppHost.Infrastructure;
using Lodestar.ServiceDefaults;

namespace Lodestar.AppHost.Services;

public static class ServiceResourceExtensions
{
    /// <summary>
    /// A Lodestar service (or the gateway) as a project resource with the configuration it reads: its two Kestrel
    /// endpoints ("http" for health and REST, "grpc" for HTTP/2), the event bus, Redis, its own database, a data folder,
    /// and readiness from its /health. The endpoints are not proxied: each process listens where callers connect.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddLodestarService<TProject>(
        this IDistributedApplicationBuilder builder, string name, AppHostSettings settings, LodestarInfrastructure infrastructure)
        where TProject : IProjectMetadata, new()
    {
        var (httpPort, grpcPort) = settings.FixedServicePorts ? LodestarResources.DefaultPorts(name) : (0, 0);
        var service = builder.AddProject<TProject>(name, options =>
            {
                options.ExcludeLaunchProfile = true;
                options.ExcludeKestrelEndpoints = true;
            })
            .WithEndpoint(LodestarResources.HttpEndpoint, e => Plain(e, httpPort, "http"), createIfNotExists: true)
            .WithEndpoint(LodestarResources.GrpcEndpoint, e => Plain(e, grpcPort, "http2"), createIfNotExists: true)
            .WithUrlForEndpoint(LodestarResources.HttpEndpoint, url => url.DisplayText = "REST")
            .WithUrlForEndpoint(LodestarResources.GrpcEndpoint, url => url.DisplayText = "gRPC");
        service.WithEnvironment(context =>
            {
                // Kestrel's named endpoints, as the services read them in every environment (the chart sets the same).
                context.EnvironmentVariables.Remove("ASPNETCORE_URLS");
                foreach (var endpoint in new[] { LodestarResources.HttpEndpoint, LodestarResources.GrpcEndpoint })
                    context.EnvironmentVariables[$"Kestrel__Endpoints__{endpoint}__Url"] =
                        ReferenceExpression.Create($"http://127.0.0.1:{service.GetEndpoint(endpoint).Property(EndpointProperty.TargetPort)}");
            })
            .WithEnvironment("DOTNET_ENVIRONMENT", "Development")
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Development")
            .WithEnvironment("Lodestar__DataPath", Path.Combine(settings.DataRoot, "data"))
            .WithHttpHealthCheck(ServiceDefaultsExtensions.HealthPath, endpointName: LodestarResources.HttpEndpoint)
            .WithReference(infrastructure.EventBus, LodestarResources.EventBus).WaitFor(infrastructure.EventBus)
            .WithReference(infrastructure.Redis, LodestarResources.Redis).WaitFor(infrastructure.Redis);
        return infrastructure.AttachDatabase(service);
    }

    private static void Plain(EndpointAnnotation endpoint, int port, string transport)
    {
        endpoint.UriScheme = "http";
        endpoint.Transport = transport;
        endpoint.Port = port > 0 ? port : null;
        endpoint.TargetHost = "127.0.0.1";
        endpoint.IsProxied = false;
    }
}
