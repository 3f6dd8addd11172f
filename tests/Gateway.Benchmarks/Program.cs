using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Lodestar.Benchmarking;
using Lodestar.Gateway.Benchmarks;
using Lodestar.Gateway.Extensions;
using Lodestar.LocalInfrastructure;
using Lodestar.Persistence;
using Lodestar.Security;
using Lodestar.ServiceDefaults;
using Lodestar.Strategy.Extensions;
using Lodestar.Strategy.Infrastructure;
using Lodestar.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Lodestar.Gateway.Infrastructure;
using V1 = Lodestar.Strategy.V1;
using Workspaces = Lodestar.Workspaces.V1;

// Unary gRPC (GetProduct) through the gateway against the same call straight to the strategy service, from the same
// client with the same concurrency, alternating rounds; writes the gateway section of docs/benchmarks.md. The gateway
// does all its per-call work: verifies the user's token, reads the membership from Redis, takes a rate-limit token
// (a Redis script, with a limit too high to refuse anything) and signs the token it forwards.
var arguments = new Arguments(args);
var options = new OverheadOptions(arguments.Number("--calls", 20_000), arguments.Number("--concurrency", 16), arguments.Number("--rounds", 5));
await using var infrastructure = await LocalServers.StartAsync(new LocalInfrastructureOptions { Postgres = false }, NullLogger.Instance, CancellationToken.None);
var folder = Directory.CreateTempSubdirectory("lodestar-gateway-bench-").FullName;
await using var strategy = await ServiceHost.StartAsync(LodestarResources.Strategy, Directory.CreateDirectory(Path.Combine(folder, "strategy")).FullName, null,
    infrastructure.RabbitMq!.ConnectionString, builder => builder.AddStrategyService(), async app =>
    {
        app.MapStrategyService();
        await app.MigrateDatabaseAsync<StrategyDbContext>();
    }, new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Error", ["Logging:LogLevel:Lodestar"] = "Error" });
await using var gateway = await ServiceHost.StartAsync(LodestarResources.Gateway, Directory.CreateDirectory(Path.Combine(folder, "gateway")).FullName, null, null,
    builder => builder.AddGateway(), async app =>
    {
        app.MapGateway();
        await app.MigrateDatabaseAsync<GatewayDbContext>();
    }, new Dictionary<string, string?>
    {
        ["ConnectionStrings:redis"] = infrastructure.Redis!.ConnectionString,
        ["Authentication:Users:SigningKey"] = UserSigningKey,
        ["Gateway:RateLimits:Default:PermitsPerSecond"] = "1000000000",
        ["Gateway:RateLimits:Default:Burst"] = "1000000000",
        ["services:strategy:http:0"] = strategy.HttpAddress.ToString(),
        ["services:strategy:grpc:0"] = strategy.GrpcAddress.ToString(),
        ["Logging:LogLevel:Default"] = "Error",
    });

using var directChannel = GrpcChannel.ForAddress(strategy.GrpcAddress);
using var gatewayChannel = GrpcChannel.ForAddress(gateway.GrpcAddress);
var userToken = new DevTokenIssuer(UserSigningKey).Issue("benchmark", new Dictionary<Guid, WorkspaceRole>());
var asUser = gatewayChannel.Intercept(metadata =>
{
    metadata.Add("authorization", "Bearer " + userToken);
    return metadata;
});
var created = await new Workspaces.WorkspaceService.WorkspaceServiceClient(asUser)
    .CreateWorkspaceAsync(new Workspaces.CreateWorkspaceRequest { Workspace = new Workspaces.Workspace { DisplayName = "Benchmark" } });
var workspace = Guid.Parse(created.Name["workspaces/".Length..]);
var direct = new V1.ProductService.ProductServiceClient(WorkspaceCalls.Invoker(directChannel, workspace, subject: "benchmark"));
var viaGateway = new V1.ProductService.ProductServiceClient(asUser.Intercept(metadata =>
{
    metadata.Add(LodestarClaims.WorkspaceHeader, workspace.ToString());
    return metadata;
}));
var product = await direct.CreateProductAsync(new V1.CreateProductRequest { Product = new V1.Product { DisplayName = "Benchmark" } });
var request = new V1.GetProductRequest { Name = product.Name };

Task Direct() => direct.GetProductAsync(request, deadline: DateTime.UtcNow.AddSeconds(30)).ResponseAsync;
Task ViaGateway() => viaGateway.GetProductAsync(request, deadline: DateTime.UtcNow.AddSeconds(30)).ResponseAsync;
var loaded = await ConcurrentCalls.CompareAsync("direct", Direct, "gateway", ViaGateway, options);
// One caller at a time: the latency the gateway adds to a call, without queueing behind other calls.
var oneCaller = options with { Calls = Math.Max(500, options.Calls / 10), Concurrency = 1 };
var unloaded = await ConcurrentCalls.CompareAsync("direct", Direct, "gateway", ViaGateway, oneCaller);
ReportFile.WriteSection(arguments.Text("--report", ReportFile.DefaultPath), "gateway-overhead", OverheadReport.Section(options, loaded, oneCaller, unloaded),
    OverheadReport.Summary(loaded, unloaded));

internal static partial class Program
{
    private const string UserSigningKey = "benchmark-user-signing-key-0123456789abcdef";
}
