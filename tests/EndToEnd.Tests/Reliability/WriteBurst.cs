using System.Collections.Concurrent;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Lodestar.AppHost.Seeding;
using Backlog = Lodestar.Backlog.V1;
using Strategy = Lodestar.Strategy.V1;

namespace EndToEnd.Tests.Reliability;

/// <summary>The writes of the burst and what came of them: acknowledged results by id, refusals by status.</summary>
internal sealed class WriteBurst(LodestarClients api, string home)
{
    private int _acknowledged;

    public ConcurrentDictionary<Guid, bool> Products { get; } = new(); // id → rename acknowledged
    public ConcurrentBag<Guid> Items { get; } = [];
    public ConcurrentDictionary<StatusCode, int> Refused { get; } = new();

    /// <summary>The first refusal of each status, for the test's message.</summary>
    public ConcurrentDictionary<StatusCode, string> FirstRefusal { get; } = new();
    public int Acknowledged => _acknowledged;

    public async Task CreateAndRenameAsync(int i)
    {
        var product = await WriteAsync(async () => await api.Products.CreateProductAsync(
            new Strategy.CreateProductRequest { Product = new Strategy.Product { DisplayName = $"Product {i}" } }, cancellationToken: Cancel));
        if (product is null) return;
        var id = IdOf(product.Name);
        Products[id] = false;
        var renamed = await WriteAsync(async () => await api.Products.UpdateProductAsync(new Strategy.UpdateProductRequest
        {
            Product = new Strategy.Product { Name = product.Name, DisplayName = $"Product {i} (renamed)" },
            UpdateMask = new FieldMask { Paths = { "display_name" } },
        }, cancellationToken: Cancel));
        if (renamed is not null) Products[id] = true;
    }

    public async Task CreateItemAsync(int i)
    {
        var item = await WriteAsync(() => Aborted.RetryAsync(async () => await api.Items.CreateBacklogItemAsync(new Backlog.CreateBacklogItemRequest
        {
            BacklogItem = new Backlog.BacklogItem { Product = home, Type = Backlog.ItemType.Feature, Title = $"Item {i}", EstimatePoints = 3 },
        }, cancellationToken: Cancel)));
        if (item is not null) Items.Add(IdOf(item.Name));
    }

    /// <summary>The result, or null when the call was refused (the service was down); a refused write may or may not have committed.</summary>
    private async Task<T?> WriteAsync<T>(Func<Task<T>> call) where T : class
    {
        try
        {
            var result = await call();
            Interlocked.Increment(ref _acknowledged);
            return result;
        }
        catch (RpcException ex)
        {
            Refused.AddOrUpdate(ex.StatusCode, 1, (_, n) => n + 1);
            FirstRefusal.TryAdd(ex.StatusCode, ex.Status.Detail);
            // A client backs off before its next write rather than spinning on a service that is restarting.
            await Task.Delay(1_000, Cancel);
            return null;
        }
    }

    private static Guid IdOf(string name) => Guid.Parse(name[(name.LastIndexOf('/') + 1)..]);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
}
