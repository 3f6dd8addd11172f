using System.Collections.Concurrent;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Lodestar.Api;
using Lodestar.AppHost.Seeding;
using Backlog = Lodestar.Backlog.V1;
using Discovery = Lodestar.Discovery.V1;
using Metrics = Lodestar.Metrics.V1;
using Strategy = Lodestar.Strategy.V1;

namespace EndToEnd.Tests.Reliability;

/// <summary>
/// The soak's mix through the gateway, one operation per tick in turn: reads of every service, writes that cross
/// services through events (renames), creates, and ingestion batches. What it creates it deletes again once more than
/// <see cref="Window"/> of a kind exist, so the data the services work on stays the same size and a growth of memory
/// means a leak rather than a bigger backlog. Each call has a deadline and no retry except the API's contract for ABORTED.
/// </summary>
public sealed class SoakTraffic(CallInvoker gateway, string product)
{
    private const int EventsPerBatch = 50;
    private const int Window = 200;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    private readonly Strategy.ProductService.ProductServiceClient _products = new(gateway);
    private readonly Strategy.GoalService.GoalServiceClient _goals = new(gateway);
    private readonly Backlog.BacklogItemService.BacklogItemServiceClient _items = new(gateway);
    private readonly Discovery.PersonaService.PersonaServiceClient _personas = new(gateway);
    private readonly Metrics.EventService.EventServiceClient _events = new(gateway);
    private readonly Metrics.ActivityService.ActivityServiceClient _activity = new(gateway);
    private readonly ConcurrentQueue<string> _goalWindow = new();
    private readonly ConcurrentQueue<string> _itemWindow = new();
    private readonly ConcurrentQueue<string> _personaWindow = new();
    private long _sequence;
    private long _eventsSent;

    public CallRecorder Calls { get; } = new();

    /// <summary>Events acknowledged by ingestion.</summary>
    public long EventsSent => Interlocked.Read(ref _eventsSent);

    public const int Kinds = 9;

    public async Task RunAsync(int operation)
    {
        var n = Interlocked.Increment(ref _sequence);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        switch (operation % Kinds)
        {
            case 0:
                await Calls.CallAsync("GetProduct", async () => await _products.GetProductAsync(new Strategy.GetProductRequest { Name = product }, deadline: Due()));
                break;
            case 1:
                await Calls.CallAsync("ListBacklogItems", async () => await _items.ListBacklogItemsAsync(new Backlog.ListBacklogItemsRequest { Product = product, PageSize = 50 }, deadline: Due()));
                break;
            case 2:
                await Calls.CallAsync("ListPersonas", async () => await _personas.ListPersonasAsync(new Discovery.ListPersonasRequest { Product = product }, deadline: Due()));
                break;
            case 3:
                await Calls.CallAsync("GetActivity", async () => await _activity.GetActivityAsync(new Metrics.GetActivityRequest { Product = product, StartDate = today.AddDays(-6).ToProto(), EndDate = today.ToProto() }, deadline: Due()));
                break;
            case 4:
                Strategy.Goal? goal = null;
                await Calls.CallAsync("CreateGoal", async () => goal = await _goals.CreateGoalAsync(new Strategy.CreateGoalRequest
                {
                    Goal = new Strategy.Goal { Product = product, Title = $"Soak goal {n}", PeriodStart = today.ToProto(), PeriodEnd = today.AddDays(90).ToProto() },
                }, deadline: Due()));
                await RotateAsync(_goalWindow, goal?.Name, "DeleteGoal", async name => await _goals.DeleteGoalAsync(new Strategy.DeleteGoalRequest { Name = name }, deadline: Due()));
                break;
            case 5:
                Backlog.BacklogItem? item = null;
                await Calls.CallAsync("CreateBacklogItem", async () => item = await Aborted.RetryAsync(async () => await _items.CreateBacklogItemAsync(new Backlog.CreateBacklogItemRequest
                {
                    BacklogItem = new Backlog.BacklogItem { Product = product, Type = Backlog.ItemType.Story, Title = $"Soak item {n}", EstimatePoints = 2 },
                }, deadline: Due())));
                await RotateAsync(_itemWindow, item?.Name, "DeleteBacklogItem", async name => await Aborted.RetryAsync(async () => await _items.DeleteBacklogItemAsync(new Backlog.DeleteBacklogItemRequest { Name = name }, deadline: Due())));
                break;
            case 6:
                Discovery.Persona? persona = null;
                await Calls.CallAsync("CreatePersona", async () => persona = await _personas.CreatePersonaAsync(new Discovery.CreatePersonaRequest
                {
                    Persona = new Discovery.Persona { DisplayName = $"Soak persona {n}", Product = product },
                }, deadline: Due()));
                await RotateAsync(_personaWindow, persona?.Name, "DeletePersona", async name => await _personas.DeletePersonaAsync(new Discovery.DeletePersonaRequest { Name = name }, deadline: Due()));
                break;
            case 7:
                // Workers rename one product at once: a write meeting another is ABORTED, and retried as the API asks.
                await Calls.CallAsync("UpdateProduct", async () => await Aborted.RetryAsync(async () => await _products.UpdateProductAsync(new Strategy.UpdateProductRequest
                {
                    Product = new Strategy.Product { Name = product, DisplayName = $"Soaked {n}" },
                    UpdateMask = new FieldMask { Paths = { "display_name" } },
                }, deadline: Due())));
                break;
            default:
                await IngestAsync(n);
                break;
        }
    }

    /// <summary>Keeps the newest <see cref="Window"/> of a kind: the oldest beyond them is deleted.</summary>
    private async Task RotateAsync(ConcurrentQueue<string> window, string? created, string rpc, Func<string, Task> delete)
    {
        if (created is null) return;
        window.Enqueue(created);
        if (window.Count > Window && window.TryDequeue(out var oldest)) await Calls.CallAsync(rpc, () => delete(oldest));
    }

    private async Task IngestAsync(long n)
    {
        var request = new Metrics.BatchTrackEventsRequest { Parent = product };
        var now = DateTime.UtcNow;
        request.Events.AddRange(Enumerable.Range(0, EventsPerBatch).Select(i => new Metrics.Event
        {
            EventId = $"soak-{n}-{i}",
            UserId = $"user-{(n * EventsPerBatch + i) % 5_000}",
            EventName = i % 2 == 0 ? "view" : "click",
            EventTime = Timestamp.FromDateTime(now.AddSeconds(-i)),
        }));
        if (await Calls.CallAsync("BatchTrackEvents", async () => await _events.BatchTrackEventsAsync(request, deadline: Due())) == StatusCode.OK)
            Interlocked.Add(ref _eventsSent, EventsPerBatch);
    }

    private static DateTime Due() => DateTime.UtcNow + Deadline;
}
