using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Lodestar.AppHost.Orchestration;
using Lodestar.AppHost.Seeding;
using Lodestar.LocalInfrastructure;
using Lodestar.Security;
using Lodestar.ServiceDefaults;
using Microsoft.Extensions.Logging.Abstractions;
using Workspaces = Lodestar.Workspaces.V1;

namespace EndToEnd.Tests;

/// <summary>
/// The whole platform as the app host runs it (its <see cref="LodestarPlatform"/>), on free ports and a temporary data
/// folder, in the Development environment; callers use development tokens through the gateway.
/// </summary>
public class PlatformFixture : IAsyncLifetime
{
    // Readable by others: PostgreSQL runs as its own user when the tests run as root, and must reach its data folder.
    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "lodestar-e2e-" + Guid.NewGuid().ToString("N")[..8])).FullName;
    private readonly Dictionary<string, (int Http, int Grpc)> _ports = LodestarPlatform.Services.ToDictionary(s => s.Name, _ => (FreePort.Next(), FreePort.Next()));

    public LodestarPlatform Platform { get; private set; } = null!;

    public GrpcChannel Gateway { get; private set; } = null!;

    public Uri GatewayHttp => Platform.Options.HttpAddress(LodestarResources.Gateway);

    /// <summary>Where every process exports its telemetry (OTLP over HTTP).</summary>
    public OtlpReceiver Telemetry { get; private set; } = null!;

    /// <summary>A service's ports on this run.</summary>
    protected (int Http, int Grpc) PortsOf(string service) => _ports[service];

    /// <summary>Whether the services keep their data in PostgreSQL (one database each) rather than SQLite files.</summary>
    protected virtual bool ServicesOnPostgres => false;

    /// <summary>Settings on top of the suite's own, for a fixture that needs others (shorter timeouts, a proxy in between).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> MoreSettings() => [];

    /// <summary>Runs before the platform starts: a fixture's own servers (a proxy) start here.</summary>
    protected virtual ValueTask BeforePlatformAsync() => ValueTask.CompletedTask;

    public async ValueTask InitializeAsync()
    {
        Telemetry = await OtlpReceiver.StartAsync([.. LodestarPlatform.Services.Select(s => s.Name)]);
        await BeforePlatformAsync();
        // Metric values follow new data within seconds rather than the minute a deployment uses.
        var settings = new Dictionary<string, string>
        {
            ["Metrics__Values__RecomputeInterval"] = "00:00:01",
            // The security suites send thousands of calls per workspace; the limit itself is tested on its own workspace.
            ["Gateway__RateLimits__Default__PermitsPerSecond"] = "100000",
            ["Gateway__RateLimits__Default__Burst"] = "100000",
            // Telemetry as an operator would point it at a collector, exported every second rather than every minute.
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Telemetry.Endpoint.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "500",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "500",
        };
        foreach (var (name, value) in MoreSettings()) settings[name] = value;
        var options = new PlatformOptions
        {
            DataRoot = _folder,
            Infrastructure = new LocalInfrastructureOptions { DataRoot = Path.Combine(_folder, "infrastructure"), Postgres = ServicesOnPostgres },
            ServicesOnPostgres = ServicesOnPostgres,
            Ports = service => _ports[service],
            Settings = settings,
        };
        Platform = await LodestarPlatform.StartInfrastructureAsync(options, NullLogger.Instance, CancellationToken.None);
        await Platform.StartServicesAsync(CancellationToken.None);
        Gateway = GrpcChannel.ForAddress(options.GrpcAddress(LodestarResources.Gateway));
    }

    /// <summary>A development token for <paramref name="subject"/>, as the app host prints one.</summary>
    public static string Token(string subject) =>
        new DevTokenIssuer(DevTokenIssuer.DevelopmentSigningKey).Issue(subject, new Dictionary<Guid, WorkspaceRole>());

    public CallInvoker Invoker(string subject, Guid? workspace = null) =>
        Gateway.Intercept(metadata =>
        {
            metadata.Add("authorization", "Bearer " + Token(subject));
            if (workspace is { } id) metadata.Add(LodestarClaims.WorkspaceHeader, id.ToString());
            return metadata;
        });

    /// <summary>Every service's API through the gateway's gRPC port, as <paramref name="subject"/> in <paramref name="workspace"/>.</summary>
    public LodestarClients Clients(string subject, Guid workspace) => new(Gateway.CreateCallInvoker(), Token(subject), workspace);

    /// <summary>The gateway's REST API as <paramref name="subject"/> in <paramref name="workspace"/>.</summary>
    public HttpClient Rest(string subject, Guid workspace)
    {
        var http = new HttpClient { BaseAddress = GatewayHttp, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", Token(subject));
        http.DefaultRequestHeaders.Add(LodestarClaims.WorkspaceHeader, workspace.ToString());
        return http;
    }

    public async Task<Guid> NewWorkspaceAsync(string admin)
    {
        var created = await new Workspaces.WorkspaceService.WorkspaceServiceClient(Invoker(admin))
            .CreateWorkspaceAsync(new Workspaces.CreateWorkspaceRequest { Workspace = new Workspaces.Workspace { DisplayName = "End to end" } },
                deadline: DateTime.UtcNow.AddSeconds(30));
        return Guid.Parse(created.Name["workspaces/".Length..]);
    }

    /// <summary>Runs once the platform has stopped: a fixture's own servers stop here.</summary>
    protected virtual ValueTask AfterPlatformAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        Gateway?.Dispose();
        if (Platform is not null) await Platform.DisposeAsync();
        if (Telemetry is not null) await Telemetry.DisposeAsync();
        await AfterPlatformAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A server may hold a file a moment longer; the folder is under the temp path.
        }
    }
}
