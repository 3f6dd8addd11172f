using Lodestar.Messaging;
using Lodestar.Persistence;
using Lodestar.ServiceDefaults;
using Lodestar.Strategy.Grpc;
using Lodestar.Strategy.Infrastructure;

namespace Lodestar.Strategy.Extensions;

/// <summary>All of the strategy service's wiring.</summary>
public static class StrategyServiceExtensions
{
    public static IHostApplicationBuilder AddStrategyService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDefaults(LodestarResources.Strategy);
        builder.AddServiceDatabase<StrategyDbContext, SqliteStrategyDbContext, PostgresStrategyDbContext>(LodestarResources.Strategy);
        builder.AddServiceMessaging<StrategyDbContext>(LodestarResources.Strategy);
        return builder;
    }

    public static WebApplication MapStrategyService(this WebApplication app)
    {
        app.MapDefaultEndpoints();
        app.MapGrpcService<ProductGrpcService>();
        return app;
    }
}
