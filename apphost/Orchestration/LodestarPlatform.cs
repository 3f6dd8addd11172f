using Lodestar.AppHost.Dashboard;
using Lodestar.LocalInfrastructure;
using Lodestar.ServiceDefaults;
using Microsoft.Extensions.Logging;

namespace Lodestar.AppHost.Orchestration;

/// <summary>
/// The whole platform as real processes: RabbitMQ, Redis and PostgreSQL, then the four services and the gateway, each
/// supervised, in the order their dependencies need, with the Aspire-style environment. The app host runs it, and so
/// do the end-to-end tests, so they exercise the same orchestration a developer uses.
/// </summary>
public sealed class LodestarPlatform : IAsyncDisposable
{
    private static readonly TimeSpan HealthTimeout = TimeSpan.FromSeconds(90);
    private readonly List<SupervisedProcess> _services = [];
    private readonly ILogger _logger;

    private LodestarPlatform(PlatformOptions options, LocalServers infrastructure, ILogger logger)
    {
        Options = options;
        Infrastructure = infrastructure;
        _logger = logger;
        foreach (var server in infrastructure.Servers) Catalog.AddServer(server);
    }

    /// <summary>The services in start order; the gateway last, since its health reports the others.</summary>
    public static IReadOnlyList<(string Name, string Assembly)> Services { get; } =
    [
        (LodestarResources.Strategy, typeof(Lodestar.Strategy.Infrastructure.StrategyDbContext).Assembly.Location),
        (LodestarResources.Backlog, typeof(Lodestar.Backlog.Infrastructure.BacklogDbContext).Assembly.Location),
        (LodestarResources.Discovery, typeof(Lodestar.Discovery.Infrastructure.DiscoveryDbContext).Assembly.Location),
        (LodestarResources.Metrics, typeof(Lodestar.Metrics.Infrastructure.MetricsDbContext).Assembly.Location),
        (LodestarResources.Gateway, typeof(Lodestar.Gateway.Routing.Backend).Assembly.Location),
    ];

    public PlatformOptions Options { get; }

    public LocalServers Infrastructure { get; }

    public ResourceCatalog Catalog { get; } = new();

    public IReadOnlyList<SupervisedProcess> Processes => _services;

    /// <summary>Starts the infrastructure (and waits until it answers); services start with <see cref="StartServicesAsync"/>.</summary>
    public static async Task<LodestarPlatform> StartInfrastructureAsync(PlatformOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        var infrastructure = await LocalServers.StartAsync(options.Infrastructure, logger, cancellationToken);
        return new LodestarPlatform(options, infrastructure, logger);
    }

    /// <summary>
    /// Starts each service in turn, returning once all are healthy; a service that cannot start stops the run. The
    /// gateway, which routes to the others, starts once each of them reports healthy (its database, broker and Redis).
    /// </summary>
    public async Task StartServicesAsync(CancellationToken cancellationToken)
    {
        foreach (var (name, assembly) in Services)
        {
            if (name == LodestarResources.Gateway) await Task.WhenAll(_services.Select(s => WaitHealthyAsync(s.Name, cancellationToken)));
            var environment = ResourceEnvironment.ForService(Infrastructure, Options, name);
            var process = new SupervisedProcess(
                new ProcessSpec(name, "dotnet", [assembly], environment, new Uri(Options.HttpAddress(name), "/alive")), _logger, Options.Echo);
            Catalog.AddService(process, new Dictionary<string, Uri> { ["http"] = Options.HttpAddress(name), ["grpc"] = Options.GrpcAddress(name) });
            _services.Add(process);
            await process.StartAsync(cancellationToken);
        }
        await WaitHealthyAsync(LodestarResources.Gateway, cancellationToken);
    }

    /// <summary>Waits until the service's /health answers 200; its last answer is in the error when it never does.</summary>
    private async Task WaitHealthyAsync(string service, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var url = new Uri(Options.HttpAddress(service), ServiceDefaultsExtensions.HealthPath);
        var deadline = DateTime.UtcNow + HealthTimeout;
        var last = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await http.GetAsync(url, cancellationToken);
                if (response.IsSuccessStatusCode) return;
                last = $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}";
            }
            catch (HttpRequestException ex)
            {
                last = ex.Message;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                last = "no answer within 5 s";
            }
            await Task.Delay(250, cancellationToken);
        }
        throw new TimeoutException($"{service} did not report healthy at {url} within {HealthTimeout.TotalSeconds:0} s; last answer {last}");
    }

    public SupervisedProcess Process(string name) => _services.Single(p => p.Name == name);

    public async ValueTask DisposeAsync()
    {
        for (var i = _services.Count - 1; i >= 0; i--) await _services[i].DisposeAsync();
        await Infrastructure.DisposeAsync();
    }
}
