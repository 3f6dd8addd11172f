using Lodestar.Persistence;
using Lodestar.Security;
using Lodestar.Strategy.Extensions;
using Lodestar.Strategy.Infrastructure;
using Lodestar.Strategy.V1;
using Microsoft.AspNetCore.Builder;

namespace Strategy.FunctionalTests.Infrastructure;

/// <summary>The strategy service on SQLite and on PostgreSQL, with a client per API.</summary>
public sealed class StrategyHosts(InfrastructureFixture infrastructure) : ProviderHosts(infrastructure, "strategy")
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    protected override void Compose(WebApplicationBuilder builder) => builder.AddStrategyService();

    protected override async Task MapAndMigrateAsync(WebApplication app)
    {
        app.MapStrategyService();
        await app.MigrateDatabaseAsync<StrategyDbContext>();
    }

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
    public StakeholderService.StakeholderServiceClient Stakeholders(DatabaseProvider provider, Guid workspace) => new(Invoker(provider, workspace));

    /// <summary>A DecisionService client acting in <paramref name="workspace"/> as an editor.</summary>
    public DecisionService.DecisionServiceClient Decisions(DatabaseProvider provider, Guid workspace) => new(Invoker(provider, workspace));

    /// <summary>A RoadmapService client acting in <paramref name="workspace"/> as an editor.</summary>
    public RoadmapService.RoadmapServiceClient Roadmap(DatabaseProvider provider, Guid workspace) => new(Invoker(provider, workspace));

    /// <summary>Creates a product to hang goals or KPIs on, and returns its resource name.</summary>
    public async Task<string> NewProductAsync(DatabaseProvider provider, Guid workspace, string name = "Atlas") =>
        (await Products(provider, workspace).CreateProductAsync(new CreateProductRequest { Product = new Product { DisplayName = name } })).Name;
}
