using Lodestar.Gateway.Extensions;
using Lodestar.Gateway.Infrastructure;
using Lodestar.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.AddGateway();

var app = builder.Build();
app.MapGateway();

if (await app.MigrateDatabaseAsync<GatewayDbContext>())
    await app.RunAsync();
