using Lodestar.Gateway.Health;
using Lodestar.Gateway.Hygiene;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Lodestar.Gateway.Routing;
using Lodestar.ServiceDefaults;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace Lodestar.Gateway.Extensions;

/// <summary>All of the gateway's wiring.</summary>
public static class GatewayExtensions
{
    private static readonly TimeSpan BackendHealthTimeout = TimeSpan.FromSeconds(2);

    public static IHostApplicationBuilder AddGateway(this IHostApplicationBuilder builder)
    {
        builder.AddDefaultEndpoints(LodestarResources.Gateway);
        builder.AddTelemetry(LodestarResources.Gateway);
        builder.AddDefaultHealthChecks();
        builder.Services.AddServiceDiscovery();

        var limits = builder.Configuration.GetSection(GatewayLimits.Section).Get<GatewayLimits>() ?? new GatewayLimits();
        builder.Services.Configure<KestrelServerOptions>(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = limits.MaxRequestBodyBytes;
        });
        // The gateway is the edge: it adds X-Forwarded-* for the services (YARP's default) and trusts none it receives
        // unless ForwardedHeaders__KnownProxies / KnownNetworks name the load balancer in front of it.
        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);

        var backends = Backends(builder.Configuration);
        builder.Services.AddSingleton<IReadOnlyCollection<Backend>>(backends);
        builder.Services.AddReverseProxy().LoadFromMemory(ProtoRoutes.Routes(backends), ProtoRoutes.Clusters(backends));
        builder.Services.AddSingleton<IDestinationResolver, ServiceDestinationResolver>();

        builder.Services.AddHttpClient(BackendHealthCheck.ClientName, http => http.Timeout = BackendHealthTimeout).AddServiceDiscovery();
        var health = builder.Services.AddHealthChecks();
        foreach (var backend in backends)
            health.Add(new HealthCheckRegistration(backend.Name, sp => new BackendHealthCheck(sp.GetRequiredService<IHttpClientFactory>(), backend), HealthStatus.Unhealthy, ["ready"]));
        return builder;
    }

    public static WebApplication MapGateway(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.MapHealthChecks(ServiceDefaultsExtensions.HealthPath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResponseWriter = HealthReportWriter.WriteAsync,
        });
        app.MapHealthChecks(ServiceDefaultsExtensions.AlivePath, new HealthCheckOptions { Predicate = check => check.Tags.Contains("live") });
        app.MapReverseProxy();
        return app;
    }

    /// <summary>The services configured behind the gateway (services__{name}__… present).</summary>
    private static List<Backend> Backends(IConfiguration configuration) =>
    [
        .. new[] { LodestarResources.Discovery, LodestarResources.Strategy, LodestarResources.Backlog, LodestarResources.Metrics }
            .Where(name => configuration.GetSection($"services:{name}").Exists())
            .Select(name => new Backend(name)),
    ];
}
