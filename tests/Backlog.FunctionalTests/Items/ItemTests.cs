using Backlog.FunctionalTests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Lodestar.Backlog.V1;
using Lodestar.Persistence;
using Lodestar.Security;

namespace Backlog.FunctionalTests.Items;

/// <summary>Items through gRPC: create, read, filter, update by mask and etag, delete; parents and access.</summary>
public sealed class ItemTests(BacklogHosts hosts) : IClassFixture<BacklogHosts>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(BacklogHosts.Providers), MemberType = typeof(BacklogHosts))]
    public async Task Items_are_created_filtered_updated_by_mask_and_etag_and_deleted(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var items = hosts.Items(provider, workspace);
        var product = await hosts.NewProductAsync(provider, workspace);
        var epic = await hosts.NewItemAsync(provider, workspace, product, new BacklogItem { Type = ItemType.Epic, Title = "Single sign-on" });
        var saml = await hosts.NewItemAsync(provider, workspace, product, new BacklogItem
        {
            Type = ItemType.Story, Title = "SAML login", Description = "Okta and Azure AD first", Labels = { "auth", "enterprise", "auth" },
            EstimatePoints = 5, Parent = epic.Name, Status = ItemStatus.Ready,
            Problems = { $"problems/{Guid.NewGuid()}" }, Goals = { $"goals/{Guid.NewGuid()}" },
        });
        var bug = await hosts.NewItemAsync(provider, workspace, product, new BacklogItem { Type = ItemType.Bug, Title = "Session expires early", Labels = { "auth" } });
        await hosts.NewItemAsync(provider, workspace, product, new BacklogItem { Type = ItemType.TechDebt, Title = "Upgrade ORM" });

        Assert.Equal((ItemStatus.Ready, 5d, epic.Name), (saml.Status, saml.EstimatePoints, saml.Parent));
        Assert.Equal(["auth", "enterprise"], saml.Labels);
        Assert.Equal(ItemStatus.Idea, bug.Status);
        Assert.False(bug.HasEstimatePoints);
        Assert.Equal(saml, await items.GetBacklogItemAsync(new GetBacklogItemRequest { Name = saml.Name }, cancellationToken: Cancel));

        async Task<string[]> Titles(ListBacklogItemsRequest request)
        {
            request.Product = product;
            return [.. (await items.ListBacklogItemsAsync(request, cancellationToken: Cancel)).BacklogItems.Select(i => i.Title)];
        }
        Assert.Equal(4, (await Titles(new ListBacklogItemsRequest())).Length);
        Assert.Equal(["Session expires early"], await Titles(new ListBacklogItemsRequest { ItemTypes = { ItemType.Bug } }));
        Assert.Equal(["SAML login"], await Titles(new ListBacklogItemsRequest { Statuses = { ItemStatus.Ready } }));
        Assert.Equal(["Session expires early", "SAML login"], await Titles(new ListBacklogItemsRequest { Label = "auth" }));
        Assert.Equal(["SAML login"], await Titles(new ListBacklogItemsRequest { Parent = epic.Name }));
        Assert.Equal(["SAML login"], await Titles(new ListBacklogItemsRequest { Text = "AZURE" }));
        Assert.Equal(["Upgrade ORM"], await Titles(new ListBacklogItemsRequest { Text = "orm" }));
        var firstPage = await items.ListBacklogItemsAsync(new ListBacklogItemsRequest { Product = product, PageSize = 3 }, cancellationToken: Cancel);
        var secondPage = await items.ListBacklogItemsAsync(new ListBacklogItemsRequest { Product = product, PageSize = 3, PageToken = firstPage.NextPageToken }, cancellationToken: Cancel);
        Assert.Equal((3, 1, ""), (firstPage.BacklogItems.Count, secondPage.BacklogItems.Count, secondPage.NextPageToken));

        var updated = await items.UpdateBacklogItemAsync(new UpdateBacklogItemRequest
        {
            BacklogItem = new BacklogItem { Name = bug.Name, Title = "Session expires after 5 minutes", EstimatePoints = 2, Description = "ignored", Metadata = bug.Metadata },
            UpdateMask = new FieldMask { Paths = { "title", "estimate_points" } },
        }, cancellationToken: Cancel);
        Assert.Equal(("Session expires after 5 minutes", 2d, ""), (updated.Title, updated.EstimatePoints, updated.Description));
        Assert.NotEqual(bug.Metadata.Etag, updated.Metadata.Etag);
        await Rpc.FailsAsync(StatusCode.Aborted, items.UpdateBacklogItemAsync(new UpdateBacklogItemRequest
        {
            BacklogItem = new BacklogItem { Name = bug.Name, Title = "Stale", Metadata = bug.Metadata }, UpdateMask = new FieldMask { Paths = { "title" } },
        }, cancellationToken: Cancel));
        await Rpc.InvalidAsync(items.UpdateBacklogItemAsync(new UpdateBacklogItemRequest
        {
            BacklogItem = new BacklogItem { Name = bug.Name, Rank = "0" }, UpdateMask = new FieldMask { Paths = { "rank" } },
        }, cancellationToken: Cancel), "update_mask");

        await Rpc.FailsAsync(StatusCode.FailedPrecondition, items.DeleteBacklogItemAsync(new DeleteBacklogItemRequest { Name = epic.Name }, cancellationToken: Cancel));
        await items.DeleteBacklogItemAsync(new DeleteBacklogItemRequest { Name = bug.Name, Etag = updated.Metadata.Etag }, cancellationToken: Cancel);
        await Rpc.FailsAsync(StatusCode.NotFound, items.GetBacklogItemAsync(new GetBacklogItemRequest { Name = bug.Name }, cancellationToken: Cancel));
    }

    [Theory, MemberData(nameof(BacklogHosts.Providers), MemberType = typeof(BacklogHosts))]
    public async Task Parents_must_be_epics_of_the_same_product(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var items = hosts.Items(provider, workspace);
        var product = await hosts.NewProductAsync(provider, workspace);
        var other = await hosts.NewProductAsync(provider, workspace, "Other");
        var feature = await hosts.NewItemAsync(provider, workspace, product, new BacklogItem { Title = "Export" });
        var foreignEpic = await hosts.NewItemAsync(provider, workspace, other, new BacklogItem { Type = ItemType.Epic, Title = "Elsewhere" });
        var epic = await hosts.NewItemAsync(provider, workspace, product, new BacklogItem { Type = ItemType.Epic, Title = "Reporting" });

        await Rpc.InvalidAsync(items.CreateBacklogItemAsync(new CreateBacklogItemRequest { BacklogItem = new BacklogItem
        {
            Product = product, Type = ItemType.Story, Title = "Child of a feature", Parent = feature.Name,
        } }, cancellationToken: Cancel), "backlog_item.parent");
        await Rpc.InvalidAsync(items.CreateBacklogItemAsync(new CreateBacklogItemRequest { BacklogItem = new BacklogItem
        {
            Product = product, Type = ItemType.Story, Title = "Child elsewhere", Parent = foreignEpic.Name,
        } }, cancellationToken: Cancel), "backlog_item.parent");
        await Rpc.InvalidAsync(items.CreateBacklogItemAsync(new CreateBacklogItemRequest { BacklogItem = new BacklogItem
        {
            Product = product, Type = ItemType.Epic, Title = "Nested epic", Parent = epic.Name,
        } }, cancellationToken: Cancel), "backlog_item.parent");
        await Rpc.FailsAsync(StatusCode.NotFound, items.CreateBacklogItemAsync(new CreateBacklogItemRequest { BacklogItem = new BacklogItem
        {
            Product = product, Type = ItemType.Story, Title = "Ghost parent", Parent = $"backlogItems/{Guid.NewGuid()}",
        } }, cancellationToken: Cancel));
        var child = await hosts.NewItemAsync(provider, workspace, product, new BacklogItem { Type = ItemType.Story, Title = "Chart", Parent = epic.Name });
        await Rpc.FailsAsync(StatusCode.FailedPrecondition, items.UpdateBacklogItemAsync(new UpdateBacklogItemRequest
        {
            BacklogItem = new BacklogItem { Name = epic.Name, Type = ItemType.Feature }, UpdateMask = new FieldMask { Paths = { "type" } },
        }, cancellationToken: Cancel));
        Assert.Equal(epic.Name, (await items.GetBacklogItemAsync(new GetBacklogItemRequest { Name = child.Name }, cancellationToken: Cancel)).Parent);
    }

    [Theory, MemberData(nameof(BacklogHosts.Providers), MemberType = typeof(BacklogHosts))]
    public async Task Products_must_be_known_active_and_in_the_callers_workspace(DatabaseProvider provider)
    {
        var (workspace, intruder) = (Guid.NewGuid(), Guid.NewGuid());
        var product = await hosts.NewProductAsync(provider, workspace);
        var archived = await hosts.NewProductAsync(provider, workspace, "Retired", archived: true);
        var item = await hosts.NewItemAsync(provider, workspace, product, new BacklogItem { Title = "Dark mode" });

        var items = hosts.Items(provider, workspace);
        await Rpc.FailsAsync(StatusCode.NotFound, items.CreateBacklogItemAsync(new CreateBacklogItemRequest { BacklogItem = new BacklogItem
        {
            Product = $"products/{Guid.NewGuid()}", Type = ItemType.Feature, Title = "Nowhere",
        } }, cancellationToken: Cancel));
        await Rpc.FailsAsync(StatusCode.FailedPrecondition, items.CreateBacklogItemAsync(new CreateBacklogItemRequest { BacklogItem = new BacklogItem
        {
            Product = archived, Type = ItemType.Feature, Title = "Too late",
        } }, cancellationToken: Cancel));

        var foreign = hosts.Items(provider, intruder);
        await Rpc.FailsAsync(StatusCode.NotFound, foreign.GetBacklogItemAsync(new GetBacklogItemRequest { Name = item.Name }, cancellationToken: Cancel));
        await Rpc.FailsAsync(StatusCode.NotFound, foreign.DeleteBacklogItemAsync(new DeleteBacklogItemRequest { Name = item.Name }, cancellationToken: Cancel));
        await Rpc.FailsAsync(StatusCode.NotFound, foreign.CreateBacklogItemAsync(new CreateBacklogItemRequest { BacklogItem = new BacklogItem
        {
            Product = product, Type = ItemType.Feature, Title = "Planted",
        } }, cancellationToken: Cancel));
        Assert.Empty((await foreign.ListBacklogItemsAsync(new ListBacklogItemsRequest(), cancellationToken: Cancel)).BacklogItems);

        var viewer = hosts.Items(provider, workspace, WorkspaceRole.Viewer);
        Assert.Equal(item.Title, (await viewer.GetBacklogItemAsync(new GetBacklogItemRequest { Name = item.Name }, cancellationToken: Cancel)).Title);
        await Rpc.FailsAsync(StatusCode.PermissionDenied, viewer.DeleteBacklogItemAsync(new DeleteBacklogItemRequest { Name = item.Name }, cancellationToken: Cancel));
        Assert.Equal(item, await items.GetBacklogItemAsync(new GetBacklogItemRequest { Name = item.Name }, cancellationToken: Cancel));
    }
}
