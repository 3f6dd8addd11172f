using Lodestar.Metrics.Domain.Funnels;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Metrics.Infrastructure;

/// <summary>Funnel conversion from the stored events.</summary>
public static class FunnelQueries
{
    /// <summary>Users reaching each step for entries on <paramref name="from"/>..<paramref name="to"/> (UTC days, inclusive).</summary>
    public static async Task<long[]> UsersPerStepAsync(this MetricsDbContext db, Funnel funnel, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var entryFrom = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var entryUntil = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var lastStep = entryUntil + funnel.Window;
        var steps = funnel.Steps.Distinct().ToList();
        var events = db.Events.AsNoTracking()
            .Where(e => e.ProductId == funnel.ProductId && steps.Contains(e.EventName) && e.Time >= entryFrom && e.Time <= lastStep)
            .OrderBy(e => e.UserIndex).ThenBy(e => e.Time).ThenBy(e => e.Id)
            .Select(e => new FunnelEvent(e.UserIndex, e.EventName, e.Time))
            .AsAsyncEnumerable();
        var buffered = new List<FunnelEvent>();
        await foreach (var e in events.WithCancellation(cancellationToken)) buffered.Add(e);
        return FunnelCalculator.UsersPerStep(buffered, funnel.Steps, funnel.Window, entryFrom, entryUntil);
    }

    /// <summary>Overall conversion (last step ÷ first step; 0 when nobody entered).</summary>
    /// <summary>How many of each named event the product received on each UTC day from <paramref name="first"/> to <paramref name="last"/>.</summary>
    public static async Task<Dictionary<(int Day, string EventName), long>> DailyEventCountsAsync(this MetricsDbContext db, Guid productId,
        string[] eventNames, int first, int last, CancellationToken cancellationToken) =>
        (await db.Events.AsNoTracking()
            .Where(e => e.ProductId == productId && eventNames.Contains(e.EventName) && e.Day >= first && e.Day <= last)
            .GroupBy(e => new { e.Day, e.EventName }).Select(g => new { g.Key.Day, g.Key.EventName, Count = g.LongCount() })
            .ToListAsync(cancellationToken))
        .GroupBy(c => (c.Day, c.EventName)).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));

    public static double Conversion(long[] usersPerStep) => usersPerStep.Length == 0 || usersPerStep[0] == 0 ? 0 : (double)usersPerStep[^1] / usersPerStep[0];
}
