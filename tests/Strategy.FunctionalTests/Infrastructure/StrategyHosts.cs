using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Lodestar.Persistence;
using Lodestar.Security;
using Lodestar.Strategy.Extensions;
using Lodestar.Strategy.Infrastructure;
using Lodestar.Strategy.V1;

namespace Strategy.FunctionalTests.Infrastructure;

/// <summary>
/// The strategy service twice, on SQLite and on PostgreSQL, each with its own virtual host (two hosts on one would be
/// competing replicas with different databases); tests pick a provider and act in a workspace of their own.
/// </summary>
public sealed class StrategyHosts(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("lodestar-strategy-").FullName;
    private readonly Dictionary<DatabaseProvider, (ServiceHost Host, GrpcChannel Channel, string EventBus)> _hosts = [];

    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    public async ValueTask InitializeAsync()
    {
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
        {
            var folder = Directory.CreateDirectory(Path.Combine(_folder, provider.ToString())).FullName;
            var database = provider == DatabaseProvider.Postgres ? infrastructure.NewPostgresDatabase("strategy") : null;
            var eventBus = await infrastructure.NewVirtualHostAsync("strategy");
            var host = await ServiceHost.StartAsync("strategy", folder, database, eventBus,
                builder => builder.AddStrategyService(),
                async app =>
                {
                    app.MapStrategyService();
                    await app.MigrateDatabaseAsync<StrategyDbContext>();
                });
            _hosts[provider] = (host, GrpcChannel.ForAddress(host.GrpcAddress), eventBus);
        }
    }

    public ServiceHost Host(DatabaseProvider provider) => _hosts[provider].Host;

    /// <summary>The amqp:// address of the virtual host the service of <paramref name="provider"/> uses.</summary>
    public string EventBus(DatabaseProvider provider) => _hosts[provider].EventBus;

    /// <summary>A ProductService client acting in <paramref name="workspace"/> with <paramref name="role"/>.</summary>
    public ProductService.ProductServiceClient Products(DatabaseProvider provider, Guid workspace, WorkspaceRole role = WorkspaceRole.Editor) =>
        new(Invoker(provider, workspace, role));

    /// <summary>A KpiService client acting in <paramref name="workspace"/> with <paramref name="role"/>.</summary>
    public KpiService.KpiServiceClient Kpis(DatabaseProvider provider, Guid workspace, WorkspaceRole role = WorkspaceRole.Editor) =>
        new(Invoker(provider, workspace, role));

    /// <summary>A GoalService client acting in <paramref name="workspace"/> with <paramref name="role"/>.</summary>
    public GoalService.GoalServiceClient Goals(DatabaseProvider provider, Guid workspace, WorkspaceRole role = WorkspaceRole.Editor) =>
        new(Invoker(provider, workspace, role));

    /// <summary>A CompetitorService client acting in <paramref name="workspace"/> with <paramref name="role"/>.</summary>
    public CompetitorService.CompetitorServiceClient Competitors(DatabaseProvider provider, Guid workspace, WorkspaceRole role = WorkspaceRole.Editor) =>
        new(Invoker(provider, workspace, role));

    /// <summary>A StakeholderService client acting in <paramref name="workspace"/> as an editor.</summary>
    public StakeholderService.StakeholderServiceClient Stakeholders(DatabaseProvider provider, Guid workspace) =>
        new(Invoker(provider, workspace, WorkspaceRole.Editor));

    /// <summary>A DecisionService client acting in <paramref name="workspace"/> as an editor.</summary>
    public DecisionService.DecisionServiceClient Decisions(DatabaseProvider provider, Guid workspace) =>
        new(Invoker(provider, workspace, WorkspaceRole.Editor));

    /// <summary>A RoadmapService client acting in <paramref name="workspace"/> as an editor.</summary>
    public RoadmapService.RoadmapServiceClient Roadmap(DatabaseProvider provider, Guid workspace) =>
        new(Invoker(provider, workspace, WorkspaceRole.Editor));

    /// <summary>Creates a product to hang goals or KPIs on, and returns its resource name.</summary>
    public async Task<string> NewProductAsync(DatabaseProvider provider, Guid workspace, string name = "Atlas") =>
        (await Products(provider, workspace).CreateProductAsync(new CreateProductRequest { Product = new Product { DisplayName = name } })).Name;

    private CallInvoker Invoker(DatabaseProvider provider, Guid workspace, WorkspaceRole role)
    {
        var token = ServiceHost.Tokens.Issue("pm@" + role, new Dictionary<Guid, WorkspaceRole> { [workspace] = role });
        return _hosts[provider].Channel.Intercept(metadata =>
        {
            metadata.Add("authorization", "Bearer " + token);
            metadata.Add(LodestarClaims.WorkspaceHeader, workspace.ToString());
            return metadata;
        });
    }

    /// <summary>An HttpClient for the REST API, acting in <paramref name="workspace"/> as an editor.</summary>
    public HttpClient Rest(DatabaseProvider provider, Guid workspace)
    {
        var http = new HttpClient { BaseAddress = _hosts[provider].Host.HttpAddress };
        var token = ServiceHost.Tokens.Issue("rest", new Dictionary<Guid, WorkspaceRole> { [workspace] = WorkspaceRole.Editor });
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        http.DefaultRequestHeaders.Add(LodestarClaims.WorkspaceHeader, workspace.ToString());
        return http;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (host, channel, _) in _hosts.Values)
        {
            channel.Dispose();
            await host.DisposeAsync();
        }
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold a file for a moment; the folder is under the temp path.
        }
    }
}
