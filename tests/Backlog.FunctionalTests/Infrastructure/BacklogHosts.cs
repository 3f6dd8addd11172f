using Grpc.Core;
using Lodestar.Backlog.Extensions;
using Lodestar.Backlog.Infrastructure;
using Lodestar.Backlog.V1;
using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Persistence;
using Lodestar.Security;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Backlog.FunctionalTests.Infrastructure;

/// <summary>The backlog service on SQLite and on PostgreSQL, with its clients and a way to announce products.</summary>
public sealed class BacklogHosts(InfrastructureFixture infrastructure) : ProviderHosts(infrastructure, "backlog")
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    protected override void Compose(WebApplicationBuilder builder) => builder.AddBacklogService();

    protected override async Task MapAndMigrateAsync(WebApplication app)
    {
        app.MapBacklogService();
        await app.MigrateDatabaseAsync<BacklogDbContext>();
    }

    public BacklogItemService.BacklogItemServiceClient Items(DatabaseProvider provider, Guid workspace, WorkspaceRole role = WorkspaceRole.Editor) =>
        new(Invoker(provider, workspace, role));

    public PrioritizationService.PrioritizationServiceClient Prioritization(DatabaseProvider provider, Guid workspace) =>
        new(Invoker(provider, workspace));

    public SprintService.SprintServiceClient Sprints(DatabaseProvider provider, Guid workspace) => new(Invoker(provider, workspace));

    public BacklogTransferService.BacklogTransferServiceClient Transfer(DatabaseProvider provider, Guid workspace) => new(Invoker(provider, workspace));

    /// <summary>Announces a product as strategy would (ProductChanged) and waits until the backlog knows it.</summary>
    public async Task<string> NewProductAsync(DatabaseProvider provider, Guid workspace, string name = "Atlas", bool archived = false)
    {
        var id = Guid.NewGuid();
        await PublishAsync(provider, new ProductChanged(id, name, "growth", archived) { WorkspaceId = workspace });
        var product = $"products/{id}";
        await Eventually.GetAsync(() => Prioritization(provider, workspace).GetBacklogSettingsAsync(
            new GetBacklogSettingsRequest { Name = product + "/backlogSettings" }, cancellationToken: Cancel).ResponseAsync, _ => true);
        return product;
    }

    /// <summary>Creates an item of <paramref name="product"/> from <paramref name="item"/> (product filled in).</summary>
    public async Task<BacklogItem> NewItemAsync(DatabaseProvider provider, Guid workspace, string product, BacklogItem item)
    {
        item.Product = product;
        if (item.Type == ItemType.Unspecified) item.Type = ItemType.Feature;
        return await Items(provider, workspace).CreateBacklogItemAsync(new CreateBacklogItemRequest { BacklogItem = item }, cancellationToken: Cancel);
    }
}
