using System.Text.Json;
using Backlog.FunctionalTests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Lodestar.Backlog.V1;
using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Backlog.Infrastructure;
using Lodestar.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Backlog.FunctionalTests.Items;

/// <summary>
/// Strategy's roadmap learns of an item's links, estimate and status when they change (BacklogItemChanged, with the
/// item's version), not only when the item ships; changes the roadmap does not read publish nothing; items from
/// before the event are announced once.
/// </summary>
public sealed class DeliveryAnnouncementTests(BacklogHosts hosts) : IClassFixture<BacklogHosts>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(BacklogHosts.Providers), MemberType = typeof(BacklogHosts))]
    public async Task Creating_linking_estimating_and_deleting_an_item_each_publish_its_delivery_state(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var items = hosts.Items(provider, workspace);
        var product = await hosts.NewProductAsync(provider, workspace);
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        await using var probe = await BrokerProbe.StartAsync(hosts.EventBus(provider), typeof(BacklogItemChanged));
        var item = await hosts.NewItemAsync(provider, workspace, product, new BacklogItem { Title = "SAML login", Initiatives = { $"initiatives/{first}" } });
        var itemId = item.Name["backlogItems/".Length..];

        Task<JsonElement> VersionAsync(long version) =>
            probe.WaitForAsync<BacklogItemChanged>(m => m.GetProperty("itemId").GetString() == itemId && m.GetProperty("version").GetInt64() == version);

        var created = await VersionAsync(1);
        Assert.Equal((workspace.ToString(), product[^36..], "SAML login", "idea", false),
            (created.GetProperty("workspaceId").GetString(), created.GetProperty("productId").GetString(), created.GetProperty("title").GetString(),
             created.GetProperty("status").GetString(), created.GetProperty("deleted").GetBoolean()));
        Assert.Equal([first.ToString()], Initiatives(created));

        item = await items.UpdateBacklogItemAsync(new UpdateBacklogItemRequest
        {
            BacklogItem = new BacklogItem { Name = item.Name, Initiatives = { $"initiatives/{second}" }, EstimatePoints = 5 },
            UpdateMask = new FieldMask { Paths = { "initiatives", "estimate_points" } },
        }, cancellationToken: Cancel);
        var relinked = await VersionAsync(long.Parse(item.Metadata.Etag.Trim('"')));
        Assert.Equal([second.ToString()], Initiatives(relinked));
        Assert.Equal(5, relinked.GetProperty("estimatePoints").GetDouble());

        // A description edit is not the roadmap's business.
        item = await items.UpdateBacklogItemAsync(new UpdateBacklogItemRequest
        {
            BacklogItem = new BacklogItem { Name = item.Name, Description = "Okta first" }, UpdateMask = new FieldMask { Paths = { "description" } },
        }, cancellationToken: Cancel);

        await items.DeleteBacklogItemAsync(new DeleteBacklogItemRequest { Name = item.Name }, cancellationToken: Cancel);
        var deleted = await VersionAsync(long.Parse(item.Metadata.Etag.Trim('"')) + 1);
        Assert.True(deleted.GetProperty("deleted").GetBoolean());
        Assert.Equal(3, probe.All<BacklogItemChanged>().Count(m => m.GetProperty("itemId").GetString() == itemId));
    }

    [Theory, MemberData(nameof(BacklogHosts.Providers), MemberType = typeof(BacklogHosts))]
    public async Task Items_of_a_product_from_before_the_event_are_announced_once(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var product = await hosts.NewProductAsync(provider, workspace);
        var productId = Guid.Parse(product[^36..]);
        var initiative = Guid.NewGuid();
        var item = await hosts.NewItemAsync(provider, workspace, product, new BacklogItem { Title = "SCIM", EstimatePoints = 3, Initiatives = { $"initiatives/{initiative}" } });
        var services = hosts.Host(provider).Services;
        await using (var scope = services.CreateAsyncScope())
        {
            // As a product migrated from before BacklogItemChanged is.
            await scope.ServiceProvider.GetRequiredService<BacklogDbContext>().Products.IgnoreQueryFilters().Where(p => p.Id == productId)
                .ExecuteUpdateAsync(set => set.SetProperty(p => p.DeliveryAnnounced, false), Cancel);
        }
        await using var probe = await BrokerProbe.StartAsync(hosts.EventBus(provider), typeof(BacklogItemChanged));

        var backfill = services.GetRequiredService<DeliveryBackfill>();
        Assert.True(await backfill.AnnounceAsync(Cancel) >= 1);
        var announced = await probe.WaitForAsync<BacklogItemChanged>(m => m.GetProperty("itemId").GetString() == item.Name[^36..]);
        Assert.Equal((1L, 3d, false), (announced.GetProperty("version").GetInt64(), announced.GetProperty("estimatePoints").GetDouble(), announced.GetProperty("deleted").GetBoolean()));
        Assert.Equal([initiative.ToString()], Initiatives(announced));

        await backfill.AnnounceAsync(Cancel);
        await Task.Delay(TimeSpan.FromSeconds(1), Cancel);
        Assert.Single(probe.All<BacklogItemChanged>(), m => m.GetProperty("itemId").GetString() == item.Name[^36..]);
    }

    private static string[] Initiatives(JsonElement message) => [.. message.GetProperty("initiativeIds").EnumerateArray().Select(e => e.GetString()!)];
}
