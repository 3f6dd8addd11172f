using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using EndToEnd.Tests.Platform;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Lodestar.AppHost.Seeding;
using Lodestar.Security;
using Lodestar.ServiceDefaults;
using Workspaces = Lodestar.Workspaces.V1;

namespace EndToEnd.Tests;

/// <summary>
/// The whole platform as the app host runs it: its Program.cs topology started by Aspire.Hosting.Testing, under DCP,
/// on the servers' binaries, in a temporary data folder with ports DCP chooses; callers use development tokens through
/// the gateway.
/// </summary>
public class PlatformFixture : IAsyncLifetime
{
    /// <summary>The four services and the gateway, as the app host names them.</summary>
    public static readonly IReadOnlyList<string> ServiceNames =
        [LodestarResources.Strategy, LodestarResources.Backlog, LodestarResources.Discovery, LodestarResources.Metrics, LodestarResources.Gateway];

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    // Readable by others: PostgreSQL runs as its own user when the tests run as root, and must reach its data folder.
    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "lodestar-e2e-" + Guid.NewGuid().ToString("N")[..8])).FullName;

    public DistributedApplication App { get; private set; } = null!;

    public GrpcChannel Gateway { get; private set; } = null!;

    public Uri GatewayHttp { get; private set; } = null!;

    /// <summary>Where every process exports its telemetry (OTLP over HTTP).</summary>
    public OtlpReceiver Telemetry { get; private set; } = null!;

    /// <summary>A server or service of the app host, to stop, start or kill.</summary>
    public PlatformResource Resource(string name) => new(App, name);

    /// <summary>The four services and the gateway.</summary>
    public IReadOnlyList<PlatformResource> Services => [.. ServiceNames.Select(Resource)];

    /// <summary>Settings on top of the suite's own, for a fixture that needs others (shorter timeouts, a proxy in between).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> MoreSettings() => [];

    /// <summary>Runs before the platform starts: a fixture's own servers (a proxy) start here.</summary>
    protected virtual ValueTask BeforePlatformAsync() => ValueTask.CompletedTask;

    public async ValueTask InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        Telemetry = await OtlpReceiver.StartAsync(ServiceNames);
        await BeforePlatformAsync();
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Lodestar_AppHost>(
        [
            $"--LODESTAR_DATA={_folder}",
            "--LODESTAR_INFRASTRUCTURE=binaries",
            "--LODESTAR_SERVICE_PORTS=dynamic",
            "--LODESTAR_RABBITMQ_PORT=0",
            "--LODESTAR_REDIS_PORT=0",
            "--LODESTAR_POSTGRES_PORT=0",
            "--LODESTAR_EPHEMERAL=true",
        ], (options, _) => options.DisableDashboard = true, timeout.Token);
        // The processes' consoles and the start-up health probes stay out of the test output: servers log routine
        // errors (a refused duplicate) on stderr, and every probe fails until its resource is up.
        builder.Services.AddLogging(logging => logging
            .AddFilter("Lodestar.AppHost.Resources", LogLevel.None)
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None)
            .AddFilter("System.Net.Http", LogLevel.None)
            .AddFilter("Lodestar.AppHost", LogLevel.Warning)
            .AddFilter("Aspire", LogLevel.Warning));
        var settings = Settings();
        foreach (var project in builder.Resources.OfType<ProjectResource>().ToList())
        {
            builder.CreateResourceBuilder(project).WithEnvironment(context =>
            {
                foreach (var (name, value) in settings) context.EnvironmentVariables[name] = value;
            });
        }
        App = await builder.BuildAsync(timeout.Token);
        await App.StartAsync(timeout.Token);
        await App.ResourceNotifications.WaitForResourceHealthyAsync(LodestarResources.Gateway, timeout.Token);
        GatewayHttp = App.GetEndpoint(LodestarResources.Gateway, LodestarResources.HttpEndpoint);
        Gateway = GrpcChannel.ForAddress(App.GetEndpoint(LodestarResources.Gateway, LodestarResources.GrpcEndpoint));
        await AfterStartAsync();
    }

    /// <summary>Runs once the platform serves: a fixture's own handles on it are made here.</summary>
    protected virtual ValueTask AfterStartAsync() => ValueTask.CompletedTask;

    private Dictionary<string, string> Settings()
    {
        var settings = new Dictionary<string, string>
        {
            // Metric values follow new data within seconds rather than the minute a deployment uses.
            ["Metrics__Values__RecomputeInterval"] = "00:00:01",
            // The 60-day walk grows to about a hundred weekly users: a low base of 80 keeps its volume small.
            ["Strategy__StageSuggestion__LowBase"] = "80",
            // The security suites send thousands of calls per workspace; the limit itself is tested on its own workspace.
            ["Gateway__RateLimits__Default__PermitsPerSecond"] = "100000",
            ["Gateway__RateLimits__Default__Burst"] = "100000",
            // Telemetry as an operator would point it at a collector, exported every second rather than every minute.
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Telemetry.Endpoint.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_EXPORTER_OTLP_HEADERS"] = "",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "500",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "500",
        };
        foreach (var (name, value) in MoreSettings()) settings[name] = value;
        return settings;
    }

    /// <summary>The connection string the app host gives services for <paramref name="resource"/> ("postgres", "redis", "rabbitmq").</summary>
    public async Task<string> ConnectionStringAsync(string resource) =>
        await App.GetConnectionStringAsync(resource, TestContext.Current.CancellationToken)
        ?? throw new InvalidOperationException($"{resource} has no connection string.");

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

    /// <summary>A new workspace with <paramref name="admin"/> as its admin; <paramref name="id"/> when the caller chose it (a workspace with settings of its own).</summary>
    public async Task<Guid> NewWorkspaceAsync(string admin, Guid? id = null)
    {
        var created = await new Workspaces.WorkspaceService.WorkspaceServiceClient(Invoker(admin))
            .CreateWorkspaceAsync(new Workspaces.CreateWorkspaceRequest { Workspace = new Workspaces.Workspace { DisplayName = "End to end" }, WorkspaceId = id?.ToString() ?? "" },
                deadline: DateTime.UtcNow.AddSeconds(30));
        return Guid.Parse(created.Name["workspaces/".Length..]);
    }

    /// <summary>Runs once the platform has stopped: a fixture's own servers stop here.</summary>
    protected virtual ValueTask AfterPlatformAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        Gateway?.Dispose();
        if (App is not null) await App.DisposeAsync();
        if (Telemetry is not null) await Telemetry.DisposeAsync();
        await AfterPlatformAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A server may hold a file a moment longer; the folder is under the temp path.
        }
    }
}
