using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Discovery.Extensions;
using Lodestar.Discovery.Infrastructure;
using Lodestar.Discovery.V1;
using Lodestar.Persistence;
using Lodestar.Security;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Discovery.FunctionalTests.Infrastructure;

/// <summary>The discovery service on SQLite and on PostgreSQL, with its clients and a way to announce products.</summary>
public class DiscoveryHosts(InfrastructureFixture infrastructure) : ProviderHosts(infrastructure, "discovery")
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    protected override void Compose(WebApplicationBuilder builder) => builder.AddDiscoveryService();

    protected override async Task MapAndMigrateAsync(WebApplication app)
    {
        app.MapDiscoveryService();
        await app.MigrateDatabaseAsync<DiscoveryDbContext>();
    }

    public PersonaService.PersonaServiceClient Personas(DatabaseProvider provider, Guid workspace, WorkspaceRole role = WorkspaceRole.Editor) =>
        new(Invoker(provider, workspace, role));

    public InsightService.InsightServiceClient Insights(DatabaseProvider provider, Guid workspace, WorkspaceRole role = WorkspaceRole.Editor) =>
        new(Invoker(provider, workspace, role));

    public ProblemService.ProblemServiceClient Problems(DatabaseProvider provider, Guid workspace) => new(Invoker(provider, workspace));

    public HypothesisService.HypothesisServiceClient Hypotheses(DatabaseProvider provider, Guid workspace) => new(Invoker(provider, workspace));

    public OpportunityTreeService.OpportunityTreeServiceClient Tree(DatabaseProvider provider, Guid workspace) => new(Invoker(provider, workspace));

    /// <summary>Announces a product as strategy would (ProductChanged) and waits until discovery knows it.</summary>
    public async Task<string> NewProductAsync(DatabaseProvider provider, Guid workspace, string name = "Atlas")
    {
        var id = Guid.NewGuid();
        await PublishAsync(provider, new ProductChanged(id, name, "growth", false) { WorkspaceId = workspace });
        var product = $"products/{id}";
        // The product's opportunity tree answers once discovery knows the product (NOT_FOUND until then).
        await Eventually.GetAsync(() => Tree(provider, workspace).GetOpportunityTreeAsync(
            new GetOpportunityTreeRequest { Name = product + "/opportunityTree" }, cancellationToken: Cancel).ResponseAsync, _ => true);
        return product;
    }
}
