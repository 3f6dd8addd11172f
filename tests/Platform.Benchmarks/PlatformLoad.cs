using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using Lodestar.AppHost;
using Lodestar.AppHost.Seeding;
using MetricsV1 = Lodestar.Metrics.V1;
using StrategyV1 = Lodestar.Strategy.V1;

namespace Lodestar.Platform.Benchmarks;

/// <summary>
/// The load the footprint is read under, all through the gateway with the development token: the gateway benchmark's
/// unary GetProduct from concurrent callers, and the ingestion benchmark's StreamEvents in messages of 1,000 events.
/// </summary>
public sealed class PlatformLoad : IDisposable
{
    private const int Batch = 1_000;
    private static readonly string[] Names = ["app.opened", "report.created", "report.viewed", "report.shared"];
    private readonly GrpcChannel _channel;
    private readonly LodestarClients _api;
    private long _calls;
    private long _events;
    private long _errors;
    private long _nextEvent;
    private string? _firstError;
    private string _product = "";

    public PlatformLoad(Uri gatewayGrpc, DevelopmentAccess access)
    {
        _channel = GrpcChannel.ForAddress(gatewayGrpc);
        _api = new LodestarClients(_channel.CreateCallInvoker(), access.Token, access.Workspace, TimeSpan.FromSeconds(30));
    }

    public long Calls => Interlocked.Read(ref _calls);

    public long Events => Interlocked.Read(ref _events);

    public long Errors => Interlocked.Read(ref _errors);

    public string? FirstError => _firstError;

    /// <summary>Creates the product the load reads and tracks, once the app host has made its workspace and metrics knows the product.</summary>
    public async Task PrepareAsync()
    {
        var product = await RetryAsync(() => _api.Products.CreateProductAsync(
            new StrategyV1.CreateProductRequest { Product = new StrategyV1.Product { DisplayName = "Footprint" } }).ResponseAsync);
        _product = product.Name;
        await RetryAsync(() => _api.Events.BatchTrackEventsAsync(new MetricsV1.BatchTrackEventsRequest { Parent = _product, Events = { Generate(1) } }).ResponseAsync);
    }

    public async Task RunAsync(int callers, int streams, CancellationToken stop)
    {
        var request = new StrategyV1.GetProductRequest { Name = _product };
        await Task.WhenAll([
            .. Enumerable.Range(0, callers).Select(_ => LoopAsync(async () =>
            {
                await _api.Products.GetProductAsync(request);
                Interlocked.Increment(ref _calls);
            }, stop)),
            .. Enumerable.Range(0, streams).Select(_ => LoopAsync(StreamAsync, stop)),
        ]);
    }

    public void Dispose() => _channel.Dispose();

    private async Task StreamAsync()
    {
        using var call = _api.Events.StreamEvents(deadline: DateTime.UtcNow.AddMinutes(1));
        for (var i = 0; i < 4; i++)
            await call.RequestStream.WriteAsync(new MetricsV1.StreamEventsRequest { Parent = _product, Events = { Generate(Batch) } });
        await call.RequestStream.CompleteAsync();
        var response = await call;
        Interlocked.Add(ref _events, response.AcceptedCount);
    }

    private async Task LoopAsync(Func<Task> work, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await work();
            }
            catch (RpcException ex)
            {
                Interlocked.Increment(ref _errors);
                Interlocked.CompareExchange(ref _firstError, $"{ex.StatusCode}: {ex.Status.Detail}", null);
            }
        }
    }

    private List<MetricsV1.Event> Generate(int count)
    {
        var now = DateTime.UtcNow;
        return [.. Enumerable.Range(0, count).Select(_ =>
        {
            var id = Interlocked.Increment(ref _nextEvent);
            return new MetricsV1.Event
            {
                EventId = $"footprint-{id}", UserId = $"user-{id % 10_000}", EventName = Names[id % Names.Length],
                EventTime = Timestamp.FromDateTime(now.AddSeconds(-(id % 86_400))),
            };
        })];
    }

    /// <summary>Until the app host's workspace exists and the product has reached metrics over the event bus.</summary>
    private static async Task<T> RetryAsync<T>(Func<Task<T>> call)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await call();
            }
            catch (RpcException ex) when (clock.Elapsed < TimeSpan.FromMinutes(1) && ex.StatusCode is StatusCode.NotFound or StatusCode.PermissionDenied or StatusCode.FailedPrecondition)
            {
                await Task.Delay(250);
            }
        }
    }
}
