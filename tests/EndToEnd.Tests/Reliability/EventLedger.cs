using Lodestar.Contracts.IntegrationEvents;
using Lodestar.ServiceDefaults;

namespace EndToEnd.Tests.Reliability;

/// <summary>
/// Which consumer of which service applies each integration event (architecture.md's table), and the check the fault
/// suite makes after every fault: each event a producer wrote for the workspace was relayed, and each consumer applied
/// it exactly once, read from the consumers' own inboxes.
/// </summary>
public static class EventLedger
{
    private static readonly Dictionary<string, (string Producer, string[] Consumers)> Routes = new()
    {
        [nameof(ProductChanged)] = (LodestarResources.Strategy, [LodestarResources.Backlog, LodestarResources.Discovery, LodestarResources.Metrics]),
        [nameof(GoalChanged)] = (LodestarResources.Strategy, [LodestarResources.Backlog, LodestarResources.Discovery]),
        [nameof(BacklogItemShipped)] = (LodestarResources.Backlog, [LodestarResources.Metrics, LodestarResources.Strategy]),
    };

    /// <summary>
    /// Differences from "every event of these types dispatched and applied once by each consumer"; empty when it holds.
    /// Counts come from the databases: the producer's outbox for the workspace, each consumer's inbox for those ids.
    /// </summary>
    public static async Task<List<string>> GapsAsync(ServiceDatabases databases, Guid workspace, params string[] eventTypes)
    {
        var gaps = new List<string>();
        foreach (var producer in eventTypes.Select(t => Routes[t].Producer).Distinct())
        {
            var outbox = await databases.OutboxAsync(producer, workspace);
            var undispatched = outbox.Count(r => r.DispatchedAt is null);
            if (undispatched > 0) gaps.Add($"{producer}: {undispatched} of {outbox.Count} outbox events not dispatched");
            foreach (var type in eventTypes.Where(t => Routes[t].Producer == producer))
            {
                var ids = outbox.Where(r => r.Name == type).Select(r => r.EventId).ToList();
                foreach (var consumer in Routes[type].Consumers)
                {
                    var applied = await databases.InboxAsync(consumer, ids);
                    var count = applied.GetValueOrDefault(type + "Consumer");
                    if (count != ids.Count) gaps.Add($"{consumer} applied {count} of {ids.Count} {type} events");
                }
            }
        }
        return gaps;
    }

    /// <summary>Waits until <see cref="GapsAsync"/> finds none; fails naming what is still missing.</summary>
    public static async Task AllAppliedOnceAsync(ServiceDatabases databases, Guid workspace, TimeSpan timeout, params string[] eventTypes)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var gaps = await GapsAsync(databases, workspace, eventTypes);
        while (gaps.Count > 0 && clock.Elapsed < timeout)
        {
            await Task.Delay(500, TestContext.Current.CancellationToken);
            gaps = await GapsAsync(databases, workspace, eventTypes);
        }
        Assert.True(gaps.Count == 0, $"After {timeout.TotalSeconds:0} s: {string.Join("; ", gaps)}");
    }
}
