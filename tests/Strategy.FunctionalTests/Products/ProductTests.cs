using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Lodestar.Persistence;
using Lodestar.Security;
using Lodestar.Strategy.V1;
using Strategy.FunctionalTests.Infrastructure;

namespace Strategy.FunctionalTests.Products;

/// <summary>Products over gRPC, on both database providers.</summary>
public sealed class ProductTests(StrategyHosts hosts) : IClassFixture<StrategyHosts>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static CreateProductRequest New(string name, LifecycleStage stage = LifecycleStage.Unspecified, string description = "") =>
        new() { Product = new Product { DisplayName = name, Description = description, Stage = stage } };

    [Theory, MemberData(nameof(StrategyHosts.Providers), MemberType = typeof(StrategyHosts))]
    public async Task A_product_is_created_read_updated_and_archived(DatabaseProvider provider)
    {
        var products = hosts.Products(provider, Guid.NewGuid());
        var created = await products.CreateProductAsync(New("  Lodestar Cloud ", description: "For product teams"), cancellationToken: Cancel);
        Assert.Matches("^products/[0-9a-f-]{36}$", created.Name);
        Assert.Equal(("Lodestar Cloud", LifecycleStage.Introduction, false), (created.DisplayName, created.Stage, created.Archived));
        Assert.Equal("\"1\"", created.Metadata.Etag);
        Assert.Equal("pm@Editor", created.Metadata.Creator);

        Assert.Equal(created, await products.GetProductAsync(new GetProductRequest { Name = created.Name }, cancellationToken: Cancel));

        var update = new UpdateProductRequest
        {
            Product = new Product { Name = created.Name, Description = "For every product team", DisplayName = "ignored", Metadata = created.Metadata },
            UpdateMask = new FieldMask { Paths = { "description" } },
        };
        var updated = await products.UpdateProductAsync(update, cancellationToken: Cancel);
        Assert.Equal(("Lodestar Cloud", "For every product team", "\"2\""), (updated.DisplayName, updated.Description, updated.Metadata.Etag));

        var archived = await products.ArchiveProductAsync(new ArchiveProductRequest { Name = created.Name, Etag = updated.Metadata.Etag }, cancellationToken: Cancel);
        Assert.True(archived.Archived);
        Assert.Empty((await products.ListProductsAsync(new ListProductsRequest(), cancellationToken: Cancel)).Products);
        Assert.Single((await products.ListProductsAsync(new ListProductsRequest { ShowArchived = true }, cancellationToken: Cancel)).Products);
        Assert.True((await products.ArchiveProductAsync(new ArchiveProductRequest { Name = created.Name }, cancellationToken: Cancel)).Archived);
    }

    [Theory, MemberData(nameof(StrategyHosts.Providers), MemberType = typeof(StrategyHosts))]
    public async Task Lists_are_ordered_by_name_filtered_by_stage_and_paged(DatabaseProvider provider)
    {
        var products = hosts.Products(provider, Guid.NewGuid());
        foreach (var (name, stage) in new[] { ("Delta", LifecycleStage.Maturity), ("alpha", LifecycleStage.Growth), ("Charlie", LifecycleStage.Growth), ("Bravo", LifecycleStage.Decline), ("Echo", LifecycleStage.Growth) })
            await products.CreateProductAsync(New(name, stage), cancellationToken: Cancel);

        var names = new List<string>();
        var pages = 0;
        var token = "";
        do
        {
            var page = await products.ListProductsAsync(new ListProductsRequest { PageSize = 2, PageToken = token }, cancellationToken: Cancel);
            names.AddRange(page.Products.Select(p => p.DisplayName));
            token = page.NextPageToken;
            pages++;
        } while (token != "");
        Assert.Equal(3, pages);
        Assert.Equal(5, names.Distinct().Count());
        Assert.Equal(names.OrderBy(n => n, StringComparer.Ordinal), names);

        var growth = await products.ListProductsAsync(new ListProductsRequest { Stage = LifecycleStage.Growth }, cancellationToken: Cancel);
        Assert.Equal(["Charlie", "Echo", "alpha"], growth.Products.Select(p => p.DisplayName));

        var first = await products.ListProductsAsync(new ListProductsRequest { PageSize = 1, Stage = LifecycleStage.Growth }, cancellationToken: Cancel);
        await Rpc.InvalidAsync(products.ListProductsAsync(new ListProductsRequest { PageSize = 1, PageToken = first.NextPageToken }, cancellationToken: Cancel), "page_token");
    }

    [Theory, MemberData(nameof(StrategyHosts.Providers), MemberType = typeof(StrategyHosts))]
    public async Task Bad_input_names_the_field_and_changes_nothing(DatabaseProvider provider)
    {
        var products = hosts.Products(provider, Guid.NewGuid());
        await Rpc.InvalidAsync(products.CreateProductAsync(new CreateProductRequest(), cancellationToken: Cancel), "product");
        await Rpc.InvalidAsync(products.CreateProductAsync(New("   "), cancellationToken: Cancel), "product.display_name");
        await Rpc.InvalidAsync(products.CreateProductAsync(New(new string('x', 121), description: new string('d', 4001)), cancellationToken: Cancel),
            "product.display_name", "product.description");
        await Rpc.InvalidAsync(products.CreateProductAsync(New("Odd stage", (LifecycleStage)42), cancellationToken: Cancel), "product.stage");
        await Rpc.InvalidAsync(products.GetProductAsync(new GetProductRequest { Name = "products/not-a-uuid" }, cancellationToken: Cancel), "name");
        await Rpc.InvalidAsync(products.GetProductAsync(new GetProductRequest { Name = $"goals/{Guid.NewGuid()}" }, cancellationToken: Cancel), "name");
        await Rpc.InvalidAsync(products.ListProductsAsync(new ListProductsRequest { PageSize = -1 }, cancellationToken: Cancel), "page_size");
        await Rpc.FailsAsync(StatusCode.NotFound, products.GetProductAsync(new GetProductRequest { Name = $"products/{Guid.NewGuid()}" }, cancellationToken: Cancel));
        Assert.Empty((await products.ListProductsAsync(new ListProductsRequest { ShowArchived = true }, cancellationToken: Cancel)).Products);

        var product = await products.CreateProductAsync(New("Unique"), cancellationToken: Cancel);
        await Rpc.FailsAsync(StatusCode.AlreadyExists, products.CreateProductAsync(New("Unique"), cancellationToken: Cancel));

        var stale = product.Metadata.Etag;
        product.DisplayName = "Renamed";
        product = await products.UpdateProductAsync(new UpdateProductRequest { Product = product }, cancellationToken: Cancel);
        await Rpc.FailsAsync(StatusCode.Aborted, products.UpdateProductAsync(new UpdateProductRequest
        {
            Product = new Product { Name = product.Name, DisplayName = "Lost update", Metadata = new() { Etag = stale } },
        }, cancellationToken: Cancel));
        await Rpc.InvalidAsync(products.UpdateProductAsync(new UpdateProductRequest
        {
            Product = new Product { Name = product.Name, DisplayName = "" },
            UpdateMask = new FieldMask { Paths = { "display_name", "stage", "archived" } },
        }, cancellationToken: Cancel), "product.display_name", "update_mask", "update_mask");
        await Rpc.InvalidAsync(products.ArchiveProductAsync(new ArchiveProductRequest { Name = product.Name, Etag = "garbage" }, cancellationToken: Cancel), "etag");

        var unchanged = await products.GetProductAsync(new GetProductRequest { Name = product.Name }, cancellationToken: Cancel);
        Assert.Equal(product, unchanged);
    }

    [Theory, MemberData(nameof(StrategyHosts.Providers), MemberType = typeof(StrategyHosts))]
    public async Task An_archived_product_refuses_changes(DatabaseProvider provider)
    {
        var products = hosts.Products(provider, Guid.NewGuid());
        var product = await products.CreateProductAsync(New("Sunset"), cancellationToken: Cancel);
        await products.ArchiveProductAsync(new ArchiveProductRequest { Name = product.Name }, cancellationToken: Cancel);
        await Rpc.FailsAsync(StatusCode.FailedPrecondition, products.UpdateProductAsync(new UpdateProductRequest
        {
            Product = new Product { Name = product.Name, DisplayName = "Sunrise" },
        }, cancellationToken: Cancel));
    }

    [Theory, MemberData(nameof(StrategyHosts.Providers), MemberType = typeof(StrategyHosts))]
    public async Task Another_workspaces_products_are_invisible_and_viewers_cannot_write(DatabaseProvider provider)
    {
        var theirs = await hosts.Products(provider, Guid.NewGuid()).CreateProductAsync(New("Their product"), cancellationToken: Cancel);
        var mine = Guid.NewGuid();
        var products = hosts.Products(provider, mine, WorkspaceRole.Admin);
        await Rpc.FailsAsync(StatusCode.NotFound, products.GetProductAsync(new GetProductRequest { Name = theirs.Name }, cancellationToken: Cancel));
        await Rpc.FailsAsync(StatusCode.NotFound, products.ArchiveProductAsync(new ArchiveProductRequest { Name = theirs.Name }, cancellationToken: Cancel));
        Assert.Empty((await products.ListProductsAsync(new ListProductsRequest { ShowArchived = true }, cancellationToken: Cancel)).Products);

        var viewer = hosts.Products(provider, mine, WorkspaceRole.Viewer);
        await Rpc.FailsAsync(StatusCode.PermissionDenied, viewer.CreateProductAsync(New("Not mine to make"), cancellationToken: Cancel));
    }
}
