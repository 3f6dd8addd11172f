using System.Globalization;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Lodestar.Gateway.Extensions;
using Lodestar.Gateway.Infrastructure;
using Lodestar.Metrics.Extensions;
using Lodestar.Metrics.Infrastructure;
using Lodestar.Persistence;
using Lodestar.Security;
using Lodestar.ServiceDefaults;
using Lodestar.Strategy.Extensions;
using Lodestar.Strategy.Infrastructure;
using Workspaces = Lodestar.Workspaces.V1;

namespace Gateway.FunctionalTests.Infrastructure;

/// <summary>
/// Strategy and metrics on loopback, sharing one virtual host (so strategy's products reach metrics), and the gateway in
/// front of them, configured with their addresses the way the app host and the chart configure it. Users' tokens come
/// from a test identity provider whose key the services do not trust: only the gateway's forwarded tokens reach them.
/// A second gateway replica (same database, same Redis) starts on demand.
/// </summary>
public sealed class GatewayPlatform(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    /// <summary>The gateway's body limit in these tests.</summary>
    public const int MaxBody = 1024 * 1024;

    public const string UserIssuer = "test-identity-provider";
    public const string UserSigningKey = "functional-tests-user-signing-key-fedcba9876543210";
    public const int LimitedBurst = 3;
    public const string AllowedOrigin = "https://app.lodestar.test";

    /// <summary>A service whose unary calls the gateway times out at once, to see what a timeout answers.</summary>
    public const string TimedOutService = "lodestar.metrics.v1.FunnelService";

    private readonly string _folder = Directory.CreateTempSubdirectory("lodestar-gateway-").FullName;
    private readonly List<ServiceHost> _hosts = [];
    private readonly Dictionary<string, string?> _gatewaySettings = [];
    private readonly SemaphoreSlim _replicaLock = new(1, 1);
    private ServiceHost? _replica;
    private GrpcChannel? _replicaChannel;

    /// <summary>Users' tokens: the identity provider the gateway is configured to trust.</summary>
    public static DevTokenIssuer Users { get; } = new(UserSigningKey, UserIssuer, DevTokenIssuer.DefaultAudience);

    /// <summary>A workspace whose rate limit is <see cref="LimitedBurst"/> requests and then one per 100 s.</summary>
    public Guid LimitedWorkspace { get; } = Guid.NewGuid();

    public ServiceHost Gateway { get; private set; } = null!;

    public GrpcChannel Channel { get; private set; } = null!;

    public ServiceHost Strategy => _hosts[0];

    public async ValueTask InitializeAsync()
    {
        var eventBus = await infrastructure.NewVirtualHostAsync("gateway");
        var strategy = await ServiceHost.StartAsync(LodestarResources.Strategy, Folder("strategy"), null, eventBus,
            builder => builder.AddStrategyService(),
            async app =>
            {
                app.MapStrategyService();
                await app.MigrateDatabaseAsync<StrategyDbContext>();
            });
        var metrics = await ServiceHost.StartAsync(LodestarResources.Metrics, Folder("metrics"), null, eventBus,
            builder => builder.AddMetricsService(),
            async app =>
            {
                app.MapMetricsService();
                await app.MigrateDatabaseAsync<MetricsDbContext>();
            },
            new Dictionary<string, string?>
            {
                ["ConnectionStrings:redis"] = infrastructure.Redis.ConnectionString,
                ["Metrics:RedisKeyPrefix"] = InfrastructureFixture.NewKeyPrefix("gateway"),
            });
        _hosts.AddRange([strategy, metrics]);

        // Replicas share one database, as they would share PostgreSQL in a cluster.
        _gatewaySettings["ConnectionStrings:gatewaydb"] = $"Data Source={Path.Combine(Folder("gateway-data"), "gateway.db")}";
        _gatewaySettings["Gateway:Limits:MaxRequestBodyBytes"] = MaxBody.ToString(CultureInfo.InvariantCulture);
        _gatewaySettings["ConnectionStrings:redis"] = infrastructure.Redis.ConnectionString;
        _gatewaySettings["Gateway:Access:RedisKeyPrefix"] = InfrastructureFixture.NewKeyPrefix("gateway");
        _gatewaySettings["Gateway:Access:UsageFlushInterval"] = "00:00:00.200";
        _gatewaySettings["Authentication:Users:SigningKey"] = UserSigningKey;
        _gatewaySettings["Authentication:Users:Issuer"] = UserIssuer;
        _gatewaySettings["Gateway:Cors:AllowedOrigins:0"] = AllowedOrigin;
        _gatewaySettings["Gateway:DestinationHealth:Interval"] = "00:00:01";
        _gatewaySettings[$"Gateway:Timeouts:Services:{TimedOutService}"] = "00:00:00.0000001";
        _gatewaySettings["Gateway:RateLimits:Default:PermitsPerSecond"] = "10000";
        _gatewaySettings["Gateway:RateLimits:Default:Burst"] = "10000";
        _gatewaySettings[$"Gateway:RateLimits:Workspaces:{LimitedWorkspace}:PermitsPerSecond"] = "0.01";
        _gatewaySettings[$"Gateway:RateLimits:Workspaces:{LimitedWorkspace}:Burst"] = LimitedBurst.ToString(CultureInfo.InvariantCulture);
        foreach (var (name, host) in new[] { (LodestarResources.Strategy, strategy), (LodestarResources.Metrics, metrics) })
        {
            _gatewaySettings[$"services:{name}:http:0"] = host.HttpAddress.ToString();
            _gatewaySettings[$"services:{name}:grpc:0"] = host.GrpcAddress.ToString();
        }
        Gateway = await StartGatewayAsync(Folder("gateway"));
        Channel = GrpcChannel.ForAddress(Gateway.GrpcAddress);
    }

    /// <summary>A second gateway replica sharing the first one's database and Redis.</summary>
    public async Task<GrpcChannel> ReplicaAsync()
    {
        await _replicaLock.WaitAsync();
        try
        {
            _replica ??= await StartGatewayAsync(Folder("gateway-replica"));
            return _replicaChannel ??= GrpcChannel.ForAddress(_replica.GrpcAddress);
        }
        finally
        {
            _replicaLock.Release();
        }
    }

    /// <summary>A gateway with this platform's settings and <paramref name="overrides"/>, in its own data folder.</summary>
    public Task<ServiceHost> StartGatewayAsync(string dataPath, IDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>(_gatewaySettings);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>()) settings[key] = value;
        return ServiceHost.StartAsync(LodestarResources.Gateway, dataPath, null, null,
            builder => builder.AddGateway(),
            async app =>
            {
                app.MapGateway();
                await app.MigrateDatabaseAsync<GatewayDbContext>();
            },
            settings);
    }

    public static string UserToken(string subject, TimeSpan? lifetime = null) =>
        Users.Issue(subject, new Dictionary<Guid, WorkspaceRole>(), lifetime);

    /// <summary>Calls as <paramref name="subject"/>, naming <paramref name="workspace"/> when given.</summary>
    public CallInvoker Invoker(Guid? workspace = null, string subject = "pm", GrpcChannel? channel = null) =>
        Invoker(channel ?? Channel, "Bearer " + UserToken(subject), workspace);

    /// <summary>Calls with an API key, naming <paramref name="workspace"/> when given.</summary>
    public CallInvoker KeyInvoker(string apiKey, Guid? workspace = null, GrpcChannel? channel = null) =>
        (channel ?? Channel).Intercept(metadata =>
        {
            metadata.Add("x-api-key", apiKey);
            if (workspace is { } id) metadata.Add(LodestarClaims.WorkspaceHeader, id.ToString());
            return metadata;
        });

    public static CallInvoker Invoker(GrpcChannel channel, string authorization, Guid? workspace) =>
        channel.Intercept(metadata =>
        {
            metadata.Add("authorization", authorization);
            if (workspace is { } id) metadata.Add(LodestarClaims.WorkspaceHeader, id.ToString());
            return metadata;
        });

    /// <summary>REST through the gateway as <paramref name="subject"/>, naming <paramref name="workspace"/> when given.</summary>
    public HttpClient Rest(Guid? workspace = null, string subject = "pm")
    {
        var http = new HttpClient { BaseAddress = Gateway.HttpAddress };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", UserToken(subject));
        if (workspace is { } id) http.DefaultRequestHeaders.Add(LodestarClaims.WorkspaceHeader, id.ToString());
        return http;
    }

    /// <summary>A new workspace whose admin is <paramref name="admin"/>, created through the gateway.</summary>
    public async Task<Guid> NewWorkspaceAsync(string admin = "pm", Guid? id = null)
    {
        var workspaces = new Workspaces.WorkspaceService.WorkspaceServiceClient(Invoker(subject: admin));
        var created = await workspaces.CreateWorkspaceAsync(new Workspaces.CreateWorkspaceRequest
        {
            Workspace = new Workspaces.Workspace { DisplayName = $"Workspace of {admin}" },
            WorkspaceId = id?.ToString() ?? "",
        }, cancellationToken: TestContext.Current.CancellationToken);
        return Guid.Parse(created.Name["workspaces/".Length..]);
    }

    /// <summary>Adds <paramref name="subject"/> to <paramref name="workspace"/> (as its admin "pm").</summary>
    public async Task<Workspaces.Member> AddMemberAsync(Guid workspace, string subject, Workspaces.Role role) =>
        await new Workspaces.WorkspaceService.WorkspaceServiceClient(Invoker()).CreateMemberAsync(new Workspaces.CreateMemberRequest
        {
            Parent = $"workspaces/{workspace}",
            Member = new Workspaces.Member { Subject = subject, Role = role },
        }, cancellationToken: TestContext.Current.CancellationToken);

    private string Folder(string name) => Directory.CreateDirectory(Path.Combine(_folder, name)).FullName;

    public async ValueTask DisposeAsync()
    {
        Channel?.Dispose();
        _replicaChannel?.Dispose();
        if (_replica is not null) await _replica.DisposeAsync();
        if (Gateway is not null) await Gateway.DisposeAsync();
        foreach (var host in _hosts) await host.DisposeAsync();
        _replicaLock.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may hold a file a moment longer; the folder is under the temp path.
        }
    }
}
