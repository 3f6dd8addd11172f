using Grpc.Core;
using Lodestar.Api;
using Backlog = Lodestar.Backlog.V1;
using Strategy = Lodestar.Strategy.V1;

namespace EndToEnd.Tests.Reliability;

/// <summary>
/// Reads and writes of two services through the gateway at a steady pace, each call with its own deadline and no retry,
/// so that a fault shows in the recorded outcomes exactly as a client meets it.
/// </summary>
public sealed class SteadyLoad(CallInvoker gateway, string product, TimeSpan deadline)
{
    private readonly Strategy.ProductService.ProductServiceClient _products = new(gateway);
    private readonly Strategy.GoalService.GoalServiceClient _goals = new(gateway);
    private readonly Backlog.BacklogItemService.BacklogItemServiceClient _items = new(gateway);
    private int _goalsAttempted;
    private int _goalsCreated;

    public CallRecorder Calls { get; } = new();

    public int GoalsAttempted => _goalsAttempted;

    public int GoalsCreated => _goalsCreated;

    public async Task RunAsync(CancellationToken stop)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        for (var round = 0; !stop.IsCancellationRequested; round++)
        {
            switch (round % 3)
            {
                case 0:
                    await Calls.CallAsync("GetProduct", async () => await _products.GetProductAsync(new Strategy.GetProductRequest { Name = product }, deadline: Due()));
                    break;
                case 1:
                    await Calls.CallAsync("ListBacklogItems", async () => await _items.ListBacklogItemsAsync(new Backlog.ListBacklogItemsRequest { Product = product, PageSize = 20 }, deadline: Due()));
                    break;
                default:
                    Interlocked.Increment(ref _goalsAttempted);
                    var created = await Calls.CallAsync("CreateGoal", async () => await _goals.CreateGoalAsync(new Strategy.CreateGoalRequest
                    {
                        Goal = new Strategy.Goal { Product = product, Title = $"Goal {Guid.NewGuid():N}", PeriodStart = today.ToProto(), PeriodEnd = today.AddDays(90).ToProto() },
                    }, deadline: Due()));
                    if (created == StatusCode.OK) Interlocked.Increment(ref _goalsCreated);
                    break;
            }
            try
            {
                await Task.Delay(80, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private DateTime Due() => DateTime.UtcNow + deadline;
}
