using Lodestar.Gateway.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddGateway();

var app = builder.Build();
app.MapGateway();

await app.RunAsync();
