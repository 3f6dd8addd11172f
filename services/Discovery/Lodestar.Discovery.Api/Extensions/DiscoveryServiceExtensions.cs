using Lodestar.Discovery.Grpc;
using Lodestar.Discovery.Infrastructure;
using Lodestar.Discovery.IntegrationEvents;
using Lodestar.Messaging;
using Lodestar.Persistence;
using Lodestar.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
        builder.Services.AddScoped<ProblemEditor>();
        builder.Services.AddScoped<HypothesisEditor>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOptions<EvidenceDecayOptions>().Bind(builder.Configuration.GetSection(EvidenceDecayOptions.SectionName))
            .Validate(o => o.RefreshInterval > TimeSpan.Zero && o.BatchSize > 0, $"{EvidenceDecayOptions.SectionName}: RefreshInterval and BatchSize must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<EvidenceDecayWorker>();
        builder.Services.AddHostedService(services => services.GetRequiredService<EvidenceDecayWorker>());
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
