using Lodestar.Discovery.Extensions;
using Lodestar.Discovery.Infrastructure;
using Lodestar.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.AddDiscoveryService();

var app = builder.Build();
app.MapDiscoveryService();

if (await app.MigrateDatabaseAsync<DiscoveryDbContext>())
    await app.RunAsync();
