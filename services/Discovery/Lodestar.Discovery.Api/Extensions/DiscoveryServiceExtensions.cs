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
        builder.AddServiceMessaging<DiscoveryDbContext>(LodestarResources.Discovery, bus =>
        {
            bus.AddConsumer<ProductChangedConsumer>();
            bus.AddConsumer<ExperimentConcludedConsumer>();
            bus.AddConsumer<GoalChangedConsumer>();
            // A breach opens and closes in the order strategy reported it: one message at a time keeps the queue's order.
            bus.AddConsumer<KpiStatusChangedConsumer>().Endpoint(endpoint => endpoint.ConcurrentMessageLimit = 1);
        });
        builder.Services.AddScoped<InsightEditor>();
        return builder;
    }

    public static WebApplication MapDiscoveryService(this WebApplication app)
    {
        app.MapDefaultEndpoints();
        app.MapGrpcService<PersonaGrpcService>();
        app.MapGrpcService<InsightGrpcService>();
        app.MapGrpcService<ProblemGrpcService>();
        app.MapGrpcService<HypothesisGrpcService>();
        app.MapGrpcService<OpportunityTreeGrpcService>();
        return app;
    }
}
