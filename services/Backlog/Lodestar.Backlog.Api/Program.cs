using Lodestar.Backlog.Extensions;
using Lodestar.Backlog.Infrastructure;
using Lodestar.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.AddBacklogService();

var app = builder.Build();
app.MapBacklogService();

if (await app.MigrateDatabaseAsync<BacklogDbContext>())
    await app.RunAsync();
