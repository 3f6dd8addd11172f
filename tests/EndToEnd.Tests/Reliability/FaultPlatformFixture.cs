using Aspire.Hosting.Testing;
using Lodestar.Api;
using Lodestar.AppHost.Seeding;
using Lodestar.ServiceDefaults;
using Backlog = Lodestar.Backlog.V1;
using Discovery = Lodestar.Discovery.V1;
using Metrics = Lodestar.Metrics.V1;
using Strategy = Lodestar.Strategy.V1;

namespace EndToEnd.Tests.Reliability;

/// <summary>
/// The platform as a deployment runs it, for the fault suite: every service on its own PostgreSQL database, the gateway
/// reaching discovery through a <see cref="ChaosProxy"/>, a 10 s gateway limit on unary calls, and a per-workspace rate
/// limit low enough that a test can reach it. Tests stop and start its servers and kill its processes.
/// </summary>
public sealed class FaultPlatformFixture : PlatformFixture
{
    public const int PermitsPerSecond = 200;
    public const int Burst = 400;

    /// <summary>
    /// The limit of <see cref="LimitedWorkspace"/>, low enough that a test's callers exceed it whatever the machine's
    /// speed (the default above must not throttle the suite's bursts).
    /// </summary>
    public const int LimitedPermitsPerSecond = 25;
    public const int LimitedBurst = 50;
    public static readonly TimeSpan GatewayUnaryLimit = TimeSpan.FromSeconds(10);

    /// <summary>A workspace id with a limit of its own (<see cref="LimitedPermitsPerSecond"/>), for a test to create.</summary>
    public Guid LimitedWorkspace { get; } = Guid.NewGuid();

    public ChaosProxy DiscoveryLink { get; private set; } = null!;

    public ServiceDatabases Databases { get; private set; } = null!;

    protected override ValueTask BeforePlatformAsync()
    {
        DiscoveryLink = new ChaosProxy(() => App.GetEndpoint(LodestarResources.Discovery, LodestarResources.GrpcEndpoint).Port);
        DiscoveryLink.Start();
        return ValueTask.CompletedTask;
    }

    protected override async ValueTask AfterStartAsync() => Databases = new(await ConnectionStringAsync("postgres"));

    protected override IEnumerable<KeyValuePair<string, string>> MoreSettings() =>
    [
        new($"services__{LodestarResources.Discovery}__grpc__0", $"http://127.0.0.1:{DiscoveryLink.Port}"),
        new("Gateway__Timeouts__Unary", GatewayUnaryLimit.ToString()),
        new("Gateway__RateLimits__Default__PermitsPerSecond", PermitsPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Gateway__RateLimits__Default__Burst", Burst.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new($"Gateway__RateLimits__Workspaces__{LimitedWorkspace}__PermitsPerSecond", LimitedPermitsPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new($"Gateway__RateLimits__Workspaces__{LimitedWorkspace}__Burst", LimitedBurst.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    /// <summary>
    /// A new workspace with one product, returned once backlog, discovery and metrics hold their copy of it (its
    /// ProductChanged event reached them), so that a fault injected next meets a settled workspace.
    /// </summary>
    public async Task<FaultWorkspace> NewProductAsync(string admin, string displayName, Guid? workspaceId = null)
    {
        var cancel = TestContext.Current.CancellationToken;
        var workspace = await NewWorkspaceAsync(admin, workspaceId);
        var api = Clients(admin, workspace);
        var product = await api.Products.CreateProductAsync(new Strategy.CreateProductRequest { Product = new Strategy.Product { DisplayName = displayName } }, cancellationToken: cancel);
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToProto();
        await DemoWorkspace.WhenKnownAsync(() => api.Prioritization.GetBacklogSettingsAsync(new Backlog.GetBacklogSettingsRequest { Name = product.Name + "/backlogSettings" }, cancellationToken: cancel).ResponseAsync, cancel);
        await DemoWorkspace.WhenKnownAsync(() => api.Personas.ListPersonasAsync(new Discovery.ListPersonasRequest { Product = product.Name }, cancellationToken: cancel).ResponseAsync, cancel);
        await DemoWorkspace.WhenKnownAsync(() => api.Activity.GetActivityAsync(new Metrics.GetActivityRequest { Product = product.Name, StartDate = today, EndDate = today }, cancellationToken: cancel).ResponseAsync, cancel);
        return new FaultWorkspace(workspace, api, product);
    }

    protected override async ValueTask AfterPlatformAsync()
    {
        if (DiscoveryLink is not null) await DiscoveryLink.DisposeAsync();
    }
}
