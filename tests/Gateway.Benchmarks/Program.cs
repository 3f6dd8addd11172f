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
using V1 = Lodestar.Strategy.V1;

// Unary gRPC (GetProduct) through the gateway against the same call straight to the strategy service, from the same
// client with the same concurrency, alternating rounds; writes the gateway section of docs/benchmarks.md.
var arguments = new Arguments(args);
var options = new OverheadOptions(arguments.Number("--calls", 20_000), arguments.Number("--concurrency", 16), arguments.Number("--rounds", 5));
await using var infrastructure = await LocalServers.StartAsync(new LocalInfrastructureOptions { Redis = false, Postgres = false }, NullLogger.Instance, CancellationToken.None);
var folder = Directory.CreateTempSubdirectory("lodestar-gateway-bench-").FullName;
await using var strategy = await ServiceHost.StartAsync(LodestarResources.Strategy, Directory.CreateDirectory(Path.Combine(folder, "strategy")).FullName, null,
    infrastructure.RabbitMq!.ConnectionString, builder => builder.AddStrategyService(), async app =>
    {
        app.MapStrategyService();
        await app.MigrateDatabaseAsync<StrategyDbContext>();
    }, new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Error", ["Logging:LogLevel:Lodestar"] = "Error" });
await using var gateway = await ServiceHost.StartAsync(LodestarResources.Gateway, Directory.CreateDirectory(Path.Combine(folder, "gateway")).FullName, null, null,
    builder => builder.AddGateway(), app =>
    {
        app.MapGateway();
        return Task.CompletedTask;
    }, new Dictionary<string, string?>
    {
        ["services:strategy:http:0"] = strategy.HttpAddress.ToString(),
        ["services:strategy:grpc:0"] = strategy.GrpcAddress.ToString(),
        ["Logging:LogLevel:Default"] = "Error",
    });

var workspace = Guid.NewGuid();
V1.ProductService.ProductServiceClient Client(GrpcChannel channel) => new(WorkspaceCalls.Invoker(channel, workspace, subject: "benchmark"));
using var directChannel = GrpcChannel.ForAddress(strategy.GrpcAddress);
using var gatewayChannel = GrpcChannel.ForAddress(gateway.GrpcAddress);
var (direct, viaGateway) = (Client(directChannel), Client(gatewayChannel));
var product = await direct.CreateProductAsync(new V1.CreateProductRequest { Product = new V1.Product { DisplayName = "Benchmark" } });
var request = new V1.GetProductRequest { Name = product.Name };

Task Direct() => direct.GetProductAsync(request, deadline: DateTime.UtcNow.AddSeconds(30)).ResponseAsync;
Task ViaGateway() => viaGateway.GetProductAsync(request, deadline: DateTime.UtcNow.AddSeconds(30)).ResponseAsync;
var loaded = await ConcurrentCalls.CompareAsync("direct", Direct, "gateway", ViaGateway, options);
// One caller at a time: the latency the gateway adds to a call, without queueing behind other calls.
var oneCaller = options with { Calls = Math.Max(500, options.Calls / 10), Concurrency = 1 };
var unloaded = await ConcurrentCalls.CompareAsync("direct", Direct, "gateway", ViaGateway, oneCaller);
ReportFile.WriteSection(arguments.Text("--report", ReportFile.DefaultPath), "gateway-overhead", OverheadReport.Section(options, loaded, oneCaller, unloaded));
