using Lodestar.Messaging;
using Lodestar.Persistence;
using Lodestar.ServiceDefaults;
using Lodestar.Strategy.Domain.Products;
using Lodestar.Strategy.Grpc;
using Lodestar.Strategy.Infrastructure;
using Lodestar.Strategy.IntegrationEvents;

namespace Lodestar.Strategy.Extensions;

/// <summary>All of the strategy service's wiring.</summary>
public static class StrategyServiceExtensions
{
    public static IHostApplicationBuilder AddStrategyService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDefaults(LodestarResources.Strategy);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOptions<StageSuggestionOptions>().Bind(builder.Configuration.GetSection(StageSuggestionOptions.SectionName))
            .Validate(o => StageSuggestionOptions.PeriodDays.ContainsKey(o.MetricKey), $"{StageSuggestionOptions.SectionName}:MetricKey must be one of {string.Join(", ", StageSuggestionOptions.PeriodDays.Keys)}.")
            .ValidateOnStart();
        builder.AddServiceDatabase<StrategyDbContext, SqliteStrategyDbContext, PostgresStrategyDbContext>(LodestarResources.Strategy);
        builder.AddServiceMessaging<StrategyDbContext>(LodestarResources.Strategy, bus =>
        {
            bus.AddConsumer<MetricValueChangedConsumer>();
            bus.AddConsumer<MetricCatalogChangedConsumer>();
            bus.AddConsumer<BacklogItemShippedConsumer>();
            bus.AddConsumer<BacklogItemChangedConsumer>();
            bus.AddConsumer<SprintCompletedConsumer>();
            bus.AddConsumer<HypothesisStatusChangedConsumer>();
        });
        return builder;
    }

    public static WebApplication MapStrategyService(this WebApplication app)
    {
        app.MapDefaultEndpoints();
        app.MapGrpcService<ProductGrpcService>();
        app.MapGrpcService<KpiGrpcService>();
        app.MapGrpcService<GoalGrpcService>();
        app.MapGrpcService<CompetitorGrpcService>();
        app.MapGrpcService<StakeholderGrpcService>();
        app.MapGrpcService<DecisionGrpcService>();
        app.MapGrpcService<RoadmapGrpcService>();
        return app;
    }
}
