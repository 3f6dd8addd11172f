using Lodestar.Discovery.Grpc;
using Lodestar.Discovery.Infrastructure;
using Lodestar.Discovery.IntegrationEvents;
using Lodestar.Messaging;
using Lodestar.Persistence;
using Lodestar.ServiceDefaults;

namespace Lodestar.Discovery.Extensions;

/// <summary>All of the discovery service's wiring.</summary>
public static class DiscoveryServiceExtensions
{
    public static IHostApplicationBuilder AddDiscoveryService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDefaults(LodestarResources.Discovery);
        builder.AddServiceDatabase<DiscoveryDbContext, SqliteDiscoveryDbContext, PostgresDiscoveryDbContext>(LodestarResources.Discovery);
        builder.AddServiceMessaging<DiscoveryDbContext>(LodestarResources.Discovery, bus => bus.AddConsumer<ProductChangedConsumer>());
        builder.Services.AddScoped<InsightEditor>();
        return builder;
    }

    public static WebApplication MapDiscoveryService(this WebApplication app)
    {
        app.MapDefaultEndpoints();
        app.MapGrpcService<PersonaGrpcService>();
        app.MapGrpcService<InsightGrpcService>();
        app.MapGrpcService<ProblemGrpcService>();
        return app;
    }
}
