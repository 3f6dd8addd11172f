using System.Text.Json;
using Backlog.FunctionalTests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Lodestar.Backlog.V1;
using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Persistence;

namespace Backlog.FunctionalTests.Items;

/// <summary>The delivery workflow, "blocked by" dependencies, and the shipped event.</summary>
public sealed class WorkflowTests(BacklogHosts hosts) : IClassFixture<BacklogHosts>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static UpdateBacklogItemRequest Move(string name, ItemStatus status) => new()
    {
        BacklogItem = new BacklogItem { Name = name, Status = status }, UpdateMask = new FieldMask { Paths = { "status" } },
    };

    private static UpdateBacklogItemRequest BlockedBy(string name, params string[] blockers) => new()
    {
        BacklogItem = new BacklogItem { Name = name, BlockedBy = { blockers } }, UpdateMask = new FieldMask { Paths = { "blocked_by" } },
    };

    [Theory, MemberData(nameof(BacklogHosts.Providers), MemberType = typeof(BacklogHosts))]
    public async Task Items_follow_the_workflow_and_shipping_publishes_the_release_marker(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var items = hosts.Items(provider, workspace);
        var product = await hosts.NewProductAsync(provider, workspace);
        var (hypothesis, goal, initiative) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var item = await hosts.NewItemAsync(provider, workspace, product, new BacklogItem
        {
            Title = "Bulk edit", Hypotheses = { $"hypotheses/{hypothesis}" }, Goals = { $"goals/{goal}" }, Initiatives = { $"initiatives/{initiative}" },
        });
        await using var probe = await BrokerProbe.StartAsync(hosts.EventBus(provider), typeof(BacklogItemShipped));

        await Rpc.InvalidAsync(items.UpdateBacklogItemAsync(Move(item.Name, ItemStatus.Done), cancellationToken: Cancel), "backlog_item.status");
        await Rpc.InvalidAsync(items.UpdateBacklogItemAsync(Move(item.Name, (ItemStatus)42), cancellationToken: Cancel), "backlog_item.status");
        foreach (var status in new[] { ItemStatus.Ready, ItemStatus.InProgress, ItemStatus.Done })
            Assert.Equal(status, (await items.UpdateBacklogItemAsync(Move(item.Name, status), cancellationToken: Cancel)).Status);
        var shipped = await items.UpdateBacklogItemAsync(Move(item.Name, ItemStatus.Shipped), cancellationToken: Cancel);
        Assert.NotNull(shipped.ShipTime);
        Assert.NotNull(shipped.DoneTime);
        await Rpc.InvalidAsync(items.UpdateBacklogItemAsync(Move(item.Name, ItemStatus.WontDo), cancellationToken: Cancel), "backlog_item.status");

        var itemId = item.Name["backlogItems/".Length..];
        var message = await probe.WaitForAsync<BacklogItemShipped>(m => m.GetProperty("itemId").GetString() == itemId);
        Assert.Equal(workspace.ToString(), message.GetProperty("workspaceId").GetString());
        Assert.Equal(product["products/".Length..], message.GetProperty("productId").GetString());
        Assert.Equal([hypothesis.ToString()], Ids(message, "hypothesisIds"));
        Assert.Equal([goal.ToString()], Ids(message, "goalIds"));
        Assert.Equal([initiative.ToString()], Ids(message, "initiativeIds"));

        var dropped = await hosts.NewItemAsync(provider, workspace, product, new BacklogItem { Title = "Maybe later", Status = ItemStatus.Ready });
        Assert.Equal(ItemStatus.WontDo, (await items.UpdateBacklogItemAsync(Move(dropped.Name, ItemStatus.WontDo), cancellationToken: Cancel)).Status);
        Assert.Equal(ItemStatus.Idea, (await items.UpdateBacklogItemAsync(Move(dropped.Name, ItemStatus.Idea), cancellationToken: Cancel)).Status);
        await Task.Delay(500, Cancel);
        Assert.Single(probe.All<BacklogItemShipped>());
    }

    private static string[] Ids(JsonElement message, string property) => [.. message.GetProperty(property).EnumerateArray().Select(e => e.GetString()!)];

    [Theory, MemberData(nameof(BacklogHosts.Providers), MemberType = typeof(BacklogHosts))]
    public async Task Dependencies_refuse_cycles_and_hold_back_blocked_work(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var items = hosts.Items(provider, workspace);
        var product = await hosts.NewProductAsync(provider, workspace);
        var api = await hosts.NewItemAsync(provider, workspace, product, new BacklogItem { Title = "Public API", Status = ItemStatus.Ready });
        var sdk = await hosts.NewItemAsync(provider, workspace, product, new BacklogItem { Title = "SDK", Status = ItemStatus.Ready, BlockedBy = { api.Name } });
        var docs = await hosts.NewItemAsync(provider, workspace, product, new BacklogItem { Title = "Docs", BlockedBy = { sdk.Name } });
        Assert.Equal([api.Name], sdk.OpenBlockers);

        var cycle = await Rpc.FailsAsync(StatusCode.InvalidArgument, items.UpdateBacklogItemAsync(BlockedBy(api.Name, docs.Name), cancellationToken: Cancel));
        Assert.Contains($"{api.Name} → {docs.Name} → {sdk.Name} → {api.Name}", cycle.Status.Detail + string.Join(" ", cycle.GetRpcStatus()!.Details), StringComparison.Ordinal);
        await Rpc.InvalidAsync(items.UpdateBacklogItemAsync(BlockedBy(api.Name, api.Name), cancellationToken: Cancel), "backlog_item.blocked_by");
        await Rpc.InvalidAsync(items.UpdateBacklogItemAsync(BlockedBy(api.Name, "sdk"), cancellationToken: Cancel), "backlog_item.blocked_by[0]");
        await Rpc.FailsAsync(StatusCode.NotFound, items.UpdateBacklogItemAsync(BlockedBy(api.Name, $"backlogItems/{Guid.NewGuid()}"), cancellationToken: Cancel));
        Assert.Empty((await items.GetBacklogItemAsync(new GetBacklogItemRequest { Name = api.Name }, cancellationToken: Cancel)).BlockedBy);

        await Rpc.FailsAsync(StatusCode.FailedPrecondition, items.UpdateBacklogItemAsync(Move(sdk.Name, ItemStatus.InProgress), cancellationToken: Cancel));
        await Rpc.FailsAsync(StatusCode.FailedPrecondition, items.DeleteBacklogItemAsync(new DeleteBacklogItemRequest { Name = api.Name }, cancellationToken: Cancel));
        foreach (var status in new[] { ItemStatus.InProgress, ItemStatus.Done })
            await items.UpdateBacklogItemAsync(Move(api.Name, status), cancellationToken: Cancel);
        Assert.Empty((await items.GetBacklogItemAsync(new GetBacklogItemRequest { Name = sdk.Name }, cancellationToken: Cancel)).OpenBlockers);
        Assert.Equal(ItemStatus.InProgress, (await items.UpdateBacklogItemAsync(Move(sdk.Name, ItemStatus.InProgress), cancellationToken: Cancel)).Status);
    }
}
