using Lodestar.Backlog.Grpc;
using Lodestar.Backlog.Infrastructure;
using Lodestar.Backlog.IntegrationEvents;
using Lodestar.Messaging;
using Lodestar.Persistence;
using Lodestar.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Lodestar.Backlog.Extensions;

/// <summary>All of the backlog service's wiring.</summary>
public static class BacklogServiceExtensions
{
    public static IHostApplicationBuilder AddBacklogService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDefaults(LodestarResources.Backlog);
        builder.AddServiceDatabase<BacklogDbContext, SqliteBacklogDbContext, PostgresBacklogDbContext>(LodestarResources.Backlog);
        builder.AddServiceMessaging<BacklogDbContext>(LodestarResources.Backlog, bus =>
        {
            bus.AddConsumer<ProductChangedConsumer>();
            bus.AddConsumer<ProblemEvidenceChangedConsumer>();
            bus.AddConsumer<HypothesisStatusChangedConsumer>();
            bus.AddConsumer<GoalChangedConsumer>();
        });
        builder.Services.AddScoped<ItemEditor>();
        builder.Services.AddScoped<SprintEditor>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<DeliveryBackfill>();
        builder.Services.AddHostedService(services => services.GetRequiredService<DeliveryBackfill>());
        return builder;
    }

    public static WebApplication MapBacklogService(this WebApplication app)
    {
        app.MapDefaultEndpoints();
        app.MapGrpcService<BacklogItemGrpcService>();
        app.MapGrpcService<PrioritizationGrpcService>();
        app.MapGrpcService<SprintGrpcService>();
        app.MapGrpcService<BacklogTransferGrpcService>();
        return app;
    }
}
