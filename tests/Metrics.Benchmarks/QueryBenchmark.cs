using System.Diagnostics;
using Lodestar.Benchmarking;
using Lodestar.LocalInfrastructure;
using Lodestar.Metrics.Domain.Events;
using Lodestar.Metrics.Infrastructure.Aggregates;
using Lodestar.Persistence;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using V1 = Lodestar.Metrics.V1;

namespace Lodestar.Metrics.Benchmarks;

/// <summary>
/// DAU/WAU/MAU series and the retention matrix over gRPC for a product of 1,000,000 users × 30 days whose bitmaps are
/// loaded straight into Redis, checked figure by figure against the same dataset counted user by user in memory.
/// </summary>
public static class QueryBenchmark
{
    public static async Task<List<QueryResult>> RunAsync(LocalServers infrastructure, BenchmarkOptions options)
    {
        await using var host = await MetricsHost.StartAsync(infrastructure, DatabaseProvider.Sqlite);
        var product = await host.NewProductAsync("Million");
        var dataset = UsageDataset.Generate(options.QueryUsers, options.QueryDays);
        var firstDay = UtcDays.Of(DateTime.UtcNow) - (options.QueryDays - 1);
        await LoadAsync(host, product, dataset, firstDay);
        Console.WriteLine($"Loaded {options.QueryUsers:N0} users × {options.QueryDays} days into Redis");

        var activity = new V1.ActivityService.ActivityServiceClient(host.Invoker);
        var (start, end) = (Date(firstDay), Date(firstDay + options.QueryDays - 1));
        var name = $"products/{product}";
        var seriesRequest = new V1.GetActivityRequest { Product = name, StartDate = start, EndDate = end };
        var mauRequest = new V1.GetActivityRequest { Product = name, StartDate = end, EndDate = end };
        var retentionRequest = new V1.GetRetentionRequest { Product = name, StartDate = start, EndDate = end, Periods = options.QueryDays - 1 };

        var clock = Stopwatch.StartNew();
        var expectedActivity = dataset.Activity();
        var activityMs = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        var (on, onOrAfter, sizes) = dataset.Retention();
        var retentionMs = clock.Elapsed.TotalMilliseconds;

        var series = await activity.GetActivityAsync(seriesRequest);
        var seriesExact = series.Days.Select(d => (d.DailyActiveUsers, d.WeeklyActiveUsers, d.MonthlyActiveUsers)).SequenceEqual(expectedActivity);
        var mau = await activity.GetActivityAsync(mauRequest);
        var mauExact = mau.Days[0].MonthlyActiveUsers == expectedActivity[^1].Monthly && mau.Days[0].DailyActiveUsers == expectedActivity[^1].Daily;
        var matrix = await activity.GetRetentionAsync(retentionRequest);
        var retentionExact = matrix.Cohorts.Select((c, i) => c.Users == sizes[i]
            && c.Points.Where(p => i + p.Period < options.QueryDays).All(p => p.UsersOn == on[i, p.Period] && p.UsersOnOrAfter == onOrAfter[i, p.Period])).All(x => x);

        return
        [
            new QueryResult("DAU and MAU of one day", await Rounds.MeasureAsync("DAU/MAU of a day", () => activity.GetActivityAsync(mauRequest).ResponseAsync, options.Queries, 3, 5), mauExact, activityMs / options.QueryDays),
            new QueryResult($"DAU, WAU, MAU series of {options.QueryDays} days", await Rounds.MeasureAsync("activity series", () => activity.GetActivityAsync(seriesRequest).ResponseAsync, options.Queries, 3, 5), seriesExact, activityMs),
            new QueryResult($"Retention matrix, {options.QueryDays} daily cohorts × N = 0..{options.QueryDays - 1}", await Rounds.MeasureAsync("retention matrix", () => activity.GetRetentionAsync(retentionRequest).ResponseAsync, options.Queries, 3, 5), retentionExact, retentionMs),
        ];
    }

    private static async Task LoadAsync(MetricsHost host, Guid product, UsageDataset dataset, int firstDay)
    {
        var keys = host.Host.Services.GetRequiredService<AggregateKeys>();
        var redis = host.Host.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        var (active, cohorts) = dataset.Bitmaps();
        for (var d = 0; d < dataset.Days; d++)
        {
            await redis.StringSetAsync(keys.Active(product, firstDay + d), active[d].Bitmap.ToArray());
            await redis.StringSetAsync(keys.Cohort(product, firstDay + d), cohorts[d].Bitmap.ToArray());
        }
        await redis.StringSetAsync(keys.Ready(product), "loaded by the benchmark");
    }

    private static Google.Type.Date Date(int day)
    {
        var date = UtcDays.ToDate(day);
        return new Google.Type.Date { Year = date.Year, Month = date.Month, Day = date.Day };
    }
}
