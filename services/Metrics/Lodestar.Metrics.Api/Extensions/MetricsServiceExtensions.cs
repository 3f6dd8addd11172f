using Lodestar.Metrics.Grpc;
using Lodestar.Metrics.Infrastructure;
using Lodestar.Metrics.Infrastructure.Aggregates;
using Lodestar.Metrics.IntegrationEvents;
using Lodestar.Messaging;
using Lodestar.Persistence;
using Lodestar.ServiceDefaults;

namespace Lodestar.Metrics.Extensions;

/// <summary>All of the metrics service's wiring.</summary>
public static class MetricsServiceExtensions
{
    public static IHostApplicationBuilder AddMetricsService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDefaults(LodestarResources.Metrics);
        if (string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(LodestarResources.Redis)))
            throw new InvalidOperationException("The metrics service keeps its real-time aggregates in Redis: set ConnectionStrings__redis.");
        builder.AddServiceDatabase<MetricsDbContext, SqliteMetricsDbContext, PostgresMetricsDbContext>(LodestarResources.Metrics);
        builder.AddServiceMessaging<MetricsDbContext>(LodestarResources.Metrics, bus =>
        {
            bus.AddConsumer<ProductChangedConsumer>();
            bus.AddConsumer<BacklogItemShippedConsumer>();
        });
        builder.Services.AddOptions<MetricsOptions>().Bind(builder.Configuration.GetSection(MetricsOptions.SectionName)).ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<AggregateKeys>();
        builder.Services.AddSingleton<RebuildGate>();
        builder.Services.AddScoped<AggregateWriter>();
        builder.Services.AddScoped<AggregateReader>();
        builder.Services.AddScoped<AggregateRebuilder>();
        builder.Services.AddScoped<EventIngestor>();
        builder.Services.AddScoped<ExperimentConcluder>();
        builder.Services.AddHostedService<ExperimentMonitor>();
        builder.Services.AddScoped<MetricValueCalculator>();
        builder.Services.AddHostedService<MetricValueRecorder>();
        return builder;
    }

    public static WebApplication MapMetricsService(this WebApplication app)
    {
        app.MapDefaultEndpoints();
        app.MapGrpcService<EventGrpcService>();
        app.MapGrpcService<ActivityGrpcService>();
        app.MapGrpcService<SurveyGrpcService>();
        app.MapGrpcService<ExperimentGrpcService>();
        app.MapGrpcService<FunnelGrpcService>();
        app.MapGrpcService<MetricValueGrpcService>();
        return app;
    }
}
