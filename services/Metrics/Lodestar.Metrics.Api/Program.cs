using Lodestar.Metrics.Extensions;
using Lodestar.Metrics.Infrastructure;
using Lodestar.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.AddMetricsService();

var app = builder.Build();
app.MapMetricsService();

if (await app.MigrateDatabaseAsync<MetricsDbContext>())
    await app.RunAsync();
