using Lodestar.Persistence;
using Lodestar.Strategy.Extensions;
using Lodestar.Strategy.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddStrategyService();

var app = builder.Build();
app.MapStrategyService();

if (await app.MigrateDatabaseAsync<StrategyDbContext>())
    await app.RunAsync();
