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
public sealed class PlatformFixture : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("lodestar-e2e-").FullName;
    private readonly Dictionary<string, (int Http, int Grpc)> _ports = LodestarPlatform.Services.ToDictionary(s => s.Name, _ => (FreePort.Next(), FreePort.Next()));

    public LodestarPlatform Platform { get; private set; } = null!;

    public GrpcChannel Gateway { get; private set; } = null!;

    public Uri GatewayHttp => Platform.Options.HttpAddress(LodestarResources.Gateway);

    /// <summary>Where every process exports its telemetry (OTLP over HTTP).</summary>
    public OtlpReceiver Telemetry { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Telemetry = await OtlpReceiver.StartAsync([.. LodestarPlatform.Services.Select(s => s.Name)]);
        var options = new PlatformOptions
        {
            DataRoot = _folder,
            Infrastructure = new LocalInfrastructureOptions { DataRoot = Path.Combine(_folder, "infrastructure"), Postgres = false },
            Ports = service => _ports[service],
            // Metric values follow new data within seconds rather than the minute a deployment uses.
            Settings = new Dictionary<string, string>
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
            },
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

    public async ValueTask DisposeAsync()
    {
        Gateway?.Dispose();
        if (Platform is not null) await Platform.DisposeAsync();
        if (Telemetry is not null) await Telemetry.DisposeAsync();
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
