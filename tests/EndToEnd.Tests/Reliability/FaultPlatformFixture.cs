using Lodestar.ServiceDefaults;

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
    public static readonly TimeSpan GatewayUnaryLimit = TimeSpan.FromSeconds(10);

    public ChaosProxy DiscoveryLink { get; private set; } = null!;

    public ServiceDatabases Databases => new(Platform.Infrastructure.Postgres!);

    protected override bool ServicesOnPostgres => true;

    protected override ValueTask BeforePlatformAsync()
    {
        DiscoveryLink = new ChaosProxy(PortsOf(LodestarResources.Discovery).Grpc);
        DiscoveryLink.Start();
        return ValueTask.CompletedTask;
    }

    protected override IEnumerable<KeyValuePair<string, string>> MoreSettings() =>
    [
        new($"services__{LodestarResources.Discovery}__grpc__0", $"http://127.0.0.1:{DiscoveryLink.Port}"),
        new("Gateway__Timeouts__Unary", GatewayUnaryLimit.ToString()),
        new("Gateway__RateLimits__Default__PermitsPerSecond", PermitsPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Gateway__RateLimits__Default__Burst", Burst.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    protected override async ValueTask AfterPlatformAsync()
    {
        if (DiscoveryLink is not null) await DiscoveryLink.DisposeAsync();
    }
}
