using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Lodestar.ServiceDefaults;
using Metrics = Lodestar.Metrics.V1;
using Strategy = Lodestar.Strategy.V1;

namespace EndToEnd.Tests;

/// <summary>The platform the app host starts works as one product, and a service killed and started again keeps its data.</summary>
[Collection(SharedPlatform.Name)]
public sealed class PlatformTests(PlatformFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_product_created_in_strategy_takes_usage_in_metrics_and_survives_a_killed_service()
    {
        Assert.All(fixture.Services, s => Assert.True(s.IsRunning, $"{s.Name} is {s.State}"));
        var workspace = await fixture.NewWorkspaceAsync("e2e");
        var product = await new Strategy.ProductService.ProductServiceClient(fixture.Invoker("e2e", workspace))
            .CreateProductAsync(new Strategy.CreateProductRequest { Product = new Strategy.Product { DisplayName = "Loop" } }, cancellationToken: Cancel);
        var events = new Metrics.EventService.EventServiceClient(fixture.Invoker("e2e", workspace));
        var activity = new Metrics.ActivityService.ActivityServiceClient(fixture.Invoker("e2e", workspace));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var date = new Google.Type.Date { Year = today.Year, Month = today.Month, Day = today.Day };
        var request = new Metrics.GetActivityRequest { Product = product.Name, StartDate = date, EndDate = date };

        // Strategy announces the product to metrics over RabbitMQ; metrics takes its events once it knows it.
        await Eventually.GetAsync(() => events.TrackEventAsync(new Metrics.TrackEventRequest
        {
            Parent = product.Name,
            Event = new Metrics.Event { EventId = "e2e-1", UserId = "u1", EventName = "open", EventTime = Timestamp.FromDateTime(DateTime.UtcNow) },
        }, cancellationToken: Cancel).ResponseAsync, _ => true, seconds: 60);
        Assert.Equal(1, (await activity.GetActivityAsync(request, cancellationToken: Cancel)).Days[0].DailyActiveUsers);

        // Killed, it shows Exited (as in the dashboard); started again with Aspire's Start command, it has its data.
        var metrics = fixture.Resource(LodestarResources.Metrics);
        var killed = metrics.ProcessId!.Value;
        using (var victim = Process.GetProcessById(killed)) victim.Kill();
        await metrics.WaitStoppedAsync(Cancel);
        await metrics.StartAsync(Cancel);
        Assert.NotEqual(killed, metrics.ProcessId);

        var after = await UntilAvailableAsync(() => activity.GetActivityAsync(request, cancellationToken: Cancel).ResponseAsync);
        Assert.Equal(1, after.Days[0].DailyActiveUsers);
    }

    /// <summary>The call's answer once the service is back: UNAVAILABLE (the gateway's answer while it restarts) is retried.</summary>
    private static async Task<T> UntilAvailableAsync<T>(Func<Task<T>> call)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Grpc.Core.RpcException ex) when (ex.StatusCode == Grpc.Core.StatusCode.Unavailable && DateTime.UtcNow < deadline)
            {
                await Task.Delay(250, Cancel);
            }
        }
    }
}
