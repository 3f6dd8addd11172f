using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Lodestar.Api;
using Lodestar.ServiceDefaults;
using StackExchange.Redis;
using Metrics = Lodestar.Metrics.V1;
using Strategy = Lodestar.Strategy.V1;

namespace EndToEnd.Tests.Reliability;

/// <summary>
/// Redis flushed and stopped in the middle of event ingestion, then started empty: every acknowledged event is stored
/// once, the activity aggregates are rebuilt to exactly the values the sent events give, and while Redis is away the
/// gateway keeps limiting each workspace from its own memory (gateway/README.md) without refusing anything else.
/// </summary>
[Collection(FaultPlatform.Name)]
public sealed class RedisOutageTests(FaultPlatformFixture fixture)
{
    private const string Admin = "redis-admin";
    private const int Batches = 16;
    private const int BatchSize = 500;
    private const int Users = 400;
    private const int Days = 14;
    private static readonly string[] EventNames = ["login", "search", "export"];
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task No_acknowledged_event_is_lost_and_aggregates_are_rebuilt_exactly_after_Redis_is_flushed_and_restarted()
    {
        var (workspace, api, product) = await fixture.NewProductAsync(Admin, "Tracked");
        // Read once: a run that crosses midnight still asks about the days its events were sent for.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var activity = new Metrics.GetActivityRequest { Product = product.Name, StartDate = today.AddDays(1 - Days).ToProto(), EndDate = today.ToProto() };
        var limited = await fixture.NewProductAsync(Admin, "Limited", fixture.LimitedWorkspace);

        var events = SentEvents(today);
        var batches = events.Chunk(BatchSize).ToList();
        var ingest = new Metrics.EventService.EventServiceClient(fixture.Invoker(Admin, workspace));
        var calls = new CallRecorder();
        var redis = fixture.Resource(LodestarResources.Redis);

        await SendAsync(ingest, product.Name, batches[..4], calls);
        calls.Phase = FaultPhase.During;
        await FlushAsync(await fixture.ConnectionStringAsync(LodestarResources.Redis));
        await redis.StopAsync(Cancel);
        try
        {
            await SendAsync(ingest, product.Name, batches[4..12], calls);
            await AssertLimitedFromMemoryAsync(fixture.Invoker(Admin, limited.Id), limited.Product.Name);
        }
        finally
        {
            if (!redis.IsRunning) await redis.StartAsync(CancellationToken.None);
        }
        calls.Phase = FaultPhase.After;
        await SendAsync(ingest, product.Name, batches[12..], calls);
        TestContext.Current.SendDiagnosticMessage($"ingestion: {calls.Summary()}");
        Assert.All(calls.Outcomes, o => Assert.True(o.Status is StatusCode.OK or StatusCode.Unavailable, $"{o.Rpc}: {o.Status} {o.Detail}"));

        Assert.Equal(events.Count, await fixture.Databases.CountAsync(LodestarResources.Metrics, "events", workspace));
        var report = await RebuiltActivityAsync(fixture.Invoker(Admin, workspace), activity);
        Assert.False(report.Estimated);
        Assert.Equal(Expected(events, today), report.Days.Select(d => (new DateOnly(d.Date.Year, d.Date.Month, d.Date.Day), d.DailyActiveUsers, d.WeeklyActiveUsers, d.MonthlyActiveUsers)));
    }

    /// <summary>
    /// The report once metrics has its Redis connection back (UNAVAILABLE until then). Within 5 s: services retry the
    /// connection every 0.5–2 s, where StackExchange.Redis's default backoff would leave them away for up to 10 s.
    /// </summary>
    private static async Task<Metrics.ActivityReport> RebuiltActivityAsync(CallInvoker gateway, Metrics.GetActivityRequest request)
    {
        var activity = new Metrics.ActivityService.ActivityServiceClient(gateway);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                var report = await activity.GetActivityAsync(request, deadline: DateTime.UtcNow + Deadline);
                TestContext.Current.SendDiagnosticMessage($"activity read {clock.Elapsed.TotalSeconds:0.0} s after the last batch");
                return report;
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Unavailable && clock.Elapsed < TimeSpan.FromSeconds(5))
            {
                await Task.Delay(250, Cancel);
            }
        }
    }

    /// <summary>Each batch until acknowledged, as a client does with UNAVAILABLE: event ids make the retries harmless.</summary>
    private static async Task SendAsync(Metrics.EventService.EventServiceClient ingest, string product, IEnumerable<SentEvent[]> batches, CallRecorder calls)
    {
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = Cancel }, async (batch, _) =>
        {
            var request = new Metrics.BatchTrackEventsRequest { Parent = product };
            request.Events.AddRange(batch.Select(e => new Metrics.Event { EventId = e.Id, UserId = e.User, EventName = e.Name, EventTime = Timestamp.FromDateTime(e.Time) }));
            var clock = Stopwatch.StartNew();
            StatusCode status;
            while ((status = await calls.CallAsync("BatchTrackEvents", async () => await ingest.BatchTrackEventsAsync(request, deadline: DateTime.UtcNow + Deadline))) != StatusCode.OK)
            {
                Assert.True(status == StatusCode.Unavailable, $"a batch was refused: {calls.Summary()}");
                Assert.True(clock.Elapsed < TimeSpan.FromMinutes(1), $"a batch was refused for a minute: {calls.Summary()}");
                await Task.Delay(200, Cancel);
            }
        });
    }

    /// <summary>32 callers for 4 s in a workspace with a low limit of its own: the bucket (burst and rate) holds from the gateway's memory, and nothing but the limit refuses.</summary>
    private static async Task AssertLimitedFromMemoryAsync(CallInvoker gateway, string product)
    {
        var products = new Strategy.ProductService.ProductServiceClient(gateway);
        var calls = new CallRecorder();
        var window = TimeSpan.FromSeconds(4);
        await Task.WhenAll(Enumerable.Range(0, 32).Select(async _ =>
        {
            while (calls.Now < window)
                await calls.CallAsync("GetProduct", async () => await products.GetProductAsync(new Strategy.GetProductRequest { Name = product }, deadline: DateTime.UtcNow + Deadline));
        }));
        var elapsed = calls.Now;
        var accepted = calls.Outcomes.Count(o => o.Status == StatusCode.OK);
        TestContext.Current.SendDiagnosticMessage($"rate limit without Redis, {elapsed.TotalSeconds:0.0} s: {calls.Summary()}");
        Assert.All(calls.Outcomes, o => Assert.True(o.Status is StatusCode.OK or StatusCode.ResourceExhausted, $"{o.Status} {o.Detail}"));
        Assert.Contains(calls.Outcomes, o => o.Status == StatusCode.ResourceExhausted);
        Assert.InRange(accepted, 1, FaultPlatformFixture.LimitedBurst + FaultPlatformFixture.LimitedPermitsPerSecond * elapsed.TotalSeconds * 1.1);
    }

    private static async Task FlushAsync(string connectionString)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync($"{connectionString},allowAdmin=true");
        foreach (var server in connection.GetServers()) await server.FlushAllDatabasesAsync();
    }

    /// <summary>Events of <see cref="Users"/> users over the last <see cref="Days"/> days: each user active on some days, several events a day.</summary>
    private static List<SentEvent> SentEvents(DateOnly today)
    {
        var random = new Random(11);
        var now = DateTime.UtcNow;
        var span = (int)(now - today.AddDays(1 - Days).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)).TotalSeconds;
        return Enumerable.Range(0, Batches * BatchSize).Select(i => new SentEvent(
            $"evt-{i}",
            $"user-{random.Next(Users)}",
            EventNames[random.Next(EventNames.Length)],
            now.AddSeconds(-random.Next(span)))).ToList();
    }

    /// <summary>Distinct users per day, in the 7 days and in the 30 days ending it, from the events themselves.</summary>
    private static List<(DateOnly, long, long, long)> Expected(List<SentEvent> events, DateOnly today)
    {
        var usersOn = events.GroupBy(e => DateOnly.FromDateTime(e.Time)).ToDictionary(g => g.Key, g => g.Select(e => e.User).ToHashSet());
        long Distinct(DateOnly end, int days) => Enumerable.Range(0, days).SelectMany(d => usersOn.GetValueOrDefault(end.AddDays(-d)) ?? []).Distinct().LongCount();
        return Enumerable.Range(0, Days).Select(d => today.AddDays(1 - Days + d)).Select(day => (day, Distinct(day, 1), Distinct(day, 7), Distinct(day, 30))).ToList();
    }
}
