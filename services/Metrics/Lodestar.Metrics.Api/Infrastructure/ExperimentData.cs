using Lodestar.Metrics.Domain.Experiments;
using Lodestar.Metrics.Domain.Statistics;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Metrics.Infrastructure;

/// <summary>
/// Reads an experiment's exposures and who converted: an exposed user converts when they have the event at or after
/// their first exposure (and before the experiment ended). Two indexed queries, joined in memory by user index.
/// </summary>
public static class ExperimentData
{
    /// <summary>Conversions per variant of the conversion event, and per guardrail event per variant.</summary>
    public static async Task<(Dictionary<string, Conversions> Arms, Dictionary<string, IReadOnlyDictionary<string, Conversions>> Guardrails)> ConversionsAsync(
        this MetricsDbContext db, Experiment experiment, CancellationToken cancellationToken)
    {
        var exposures = await (
            from x in db.Exposures.AsNoTracking()
            where x.ExperimentId == experiment.Id
            join u in db.Users.AsNoTracking() on new { x.ProductId, x.DistinctId } equals new { u.ProductId, u.DistinctId } into users
            from u in users.DefaultIfEmpty()
            select new ExposedUser(x.Variant, x.ExposedAt, u == null ? null : u.UserIndex)).ToListAsync(cancellationToken);
        var arms = await CountAsync(db, experiment, experiment.ConversionEvent, exposures, cancellationToken);
        var guardrails = new Dictionary<string, IReadOnlyDictionary<string, Conversions>>();
        foreach (var guardrail in experiment.Guardrails)
            guardrails[guardrail.EventName] = await CountAsync(db, experiment, guardrail.EventName, exposures, cancellationToken);
        return (arms, guardrails);
    }

    private static async Task<Dictionary<string, Conversions>> CountAsync(
        MetricsDbContext db, Experiment experiment, string eventName, List<ExposedUser> exposures, CancellationToken cancellationToken)
    {
        var start = experiment.StartTime ?? DateTime.MinValue;
        var end = experiment.EndTime ?? DateTime.MaxValue;
        var latest = await db.Events.AsNoTracking()
            .Where(e => e.ProductId == experiment.ProductId && e.EventName == eventName && e.Time >= start && e.Time <= end)
            .GroupBy(e => e.UserIndex)
            .Select(g => new { UserIndex = g.Key, Last = g.Max(e => e.Time) })
            .ToDictionaryAsync(g => g.UserIndex, g => g.Last, cancellationToken);
        return experiment.Variants.ToDictionary(v => v.Key, v =>
        {
            var arm = exposures.Where(x => x.Variant == v.Key).ToList();
            var converted = arm.Count(x => x.UserIndex is { } index && latest.TryGetValue(index, out var last) && last >= x.ExposedAt);
            return new Conversions(arm.Count, converted);
        });
    }

    private sealed record ExposedUser(string Variant, DateTime ExposedAt, int? UserIndex);
}
