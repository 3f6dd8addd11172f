using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Lodestar.LocalInfrastructure;
using Lodestar.Metrics.Domain.Events;
using Lodestar.Metrics.Infrastructure;
using Lodestar.Metrics.Infrastructure.Aggregates;
using Lodestar.Persistence;
using Lodestar.Security;
using Microsoft.Extensions.DependencyInjection;
using V1 = Lodestar.Metrics.V1;

namespace Lodestar.Metrics.Benchmarks;

/// <summary>
/// Events per second durably acknowledged over StreamEvents (validation, duplicate check, user numbering, insert, Redis
/// aggregates, then the response), against a baseline doing the same storage work directly in the same run, round by
/// round: the same rows inserted in batches of 1,000 into the same tables, and the same Redis commands pipelined.
/// </summary>
public static class IngestionBenchmark
{
    private const int Batch = 1000;
    private static readonly string[] Names = ["open", "search", "report.viewed", "export", "share"];

    public static async Task<IngestionResult> RunAsync(LocalServers infrastructure, DatabaseProvider provider, BenchmarkOptions options)
    {
        await using var host = await MetricsHost.StartAsync(infrastructure, provider);
        var streamed = await host.NewProductAsync("Streamed");
        var direct = await host.NewProductAsync("Direct");
        var client = new V1.EventService.EventServiceClient(host.Invoker);
        var knownUsers = new Dictionary<string, int>();
        var (streamRates, baselineRates) = (new List<double>(), new List<double>());
        for (var round = 0; round < options.Rounds; round++)
        {
            var events = Generate(round, options);
            streamRates.Add(await StreamAsync(client, streamed, events));
            baselineRates.Add(await DirectAsync(host, direct, events, knownUsers));
            Console.WriteLine($"{provider} round {round + 1}: stream {streamRates[^1]:N0}/s, direct {baselineRates[^1]:N0}/s");
        }
        return new IngestionResult(provider, streamRates, baselineRates);
    }

    private static List<V1.Event> Generate(int round, BenchmarkOptions options)
    {
        var random = new Random(round);
        var now = DateTime.UtcNow;
        return Enumerable.Range(0, options.Events).Select(i => new V1.Event
        {
            EventId = $"r{round}-{i}",
            UserId = $"user-{random.Next(options.Users)}",
            EventName = Names[random.Next(Names.Length)],
            EventTime = Timestamp.FromDateTime(now.AddMinutes(-random.Next(30 * 24 * 60))),
        }).ToList();
    }

    private static async Task<double> StreamAsync(V1.EventService.EventServiceClient client, Guid product, List<V1.Event> events)
    {
        var clock = Stopwatch.StartNew();
        using var call = client.StreamEvents(deadline: DateTime.UtcNow.AddMinutes(30));
        foreach (var chunk in events.Chunk(Batch))
            await call.RequestStream.WriteAsync(new V1.StreamEventsRequest { Parent = $"products/{product}", Events = { chunk } });
        await call.RequestStream.CompleteAsync();
        var response = await call;
        if (response.AcceptedCount != events.Count) throw new InvalidOperationException($"Stream accepted {response.AcceptedCount} of {events.Count}.");
        return events.Count / clock.Elapsed.TotalSeconds;
    }

    private static async Task<double> DirectAsync(MetricsHost host, Guid product, List<V1.Event> events, Dictionary<string, int> knownUsers)
    {
        var clock = Stopwatch.StartNew();
        foreach (var chunk in events.Chunk(Batch))
        {
            await using var scope = host.Host.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<WorkspaceContext>().Enter(host.Workspace, WorkspaceRole.Editor, "benchmark");
            var db = scope.ServiceProvider.GetRequiredService<MetricsDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var changes = new List<CohortChange>();
            var rows = chunk.Select(e =>
            {
                var time = StoredTime.Of(e.EventTime.ToDateTime());
                var distinct = ProductUser.ForUser(e.UserId);
                if (!knownUsers.TryGetValue(distinct, out var index))
                {
                    knownUsers[distinct] = index = knownUsers.Count;
                    db.Users.Add(new ProductUser { WorkspaceId = host.Workspace, ProductId = product, UserIndex = index, DistinctId = distinct, FirstSeenDay = UtcDays.Of(time) });
                    changes.Add(new CohortChange(index, null, UtcDays.Of(time)));
                }
                return new TrackedEvent
                {
                    WorkspaceId = host.Workspace, ProductId = product, EventKey = e.EventId, UserIndex = index, EventName = e.EventName,
                    Time = time, Day = UtcDays.Of(time), ReceivedAt = StoredTime.Now,
                };
            }).ToList();
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                db.Events.AddRange(rows);
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
            }
            await scope.ServiceProvider.GetRequiredService<AggregateWriter>().ApplyAsync(product, [.. rows.Select(r => new ActivityMark(r.Day, r.UserIndex, r.EventName))], changes);
        }
        return events.Count / clock.Elapsed.TotalSeconds;
    }
}
