namespace Lodestar.Discovery.Domain.Problems;

/// <summary>
/// Summarises a problem's evidence. Each customer counts once (by account id; an insight without one is its own
/// customer) with the importance of their latest insight, decayed by its age: weight = importance × 2^(−days ÷ 90),
/// so evidence loses half its weight every 90 days. The opportunity score is the mean, over customers whose latest
/// insight gives satisfaction, of (importance ÷ 3) × (1 − satisfaction).
/// </summary>
public static class EvidenceCalculator
{
    public const double HalfLifeDays = 90;

    public static EvidenceSummary Summarize(IReadOnlyList<EvidenceSample> samples, DateTime now)
    {
        if (samples.Count == 0) return EvidenceSummary.Empty;
        var latest = samples
            .GroupBy(s => s.AccountId.Length > 0 ? "account:" + s.AccountId : "insight:" + s.InsightId)
            .Select(g => g.OrderByDescending(s => s.CaptureTime).ThenByDescending(s => s.InsightId).First())
            .ToList();
        var surveyed = latest.Where(s => s.Satisfaction is not null).ToList();
        return new EvidenceSummary(
            samples.Count,
            samples.Where(s => s.AccountId.Length > 0).Select(s => s.AccountId).Distinct(StringComparer.Ordinal).Count(),
            samples.Select(s => s.PersonaId).OfType<Guid>().Distinct().Count(),
            latest.Sum(s => s.Importance * Decay(s.CaptureTime, now)),
            latest.Average(s => s.Importance),
            surveyed.Count == 0 ? null : surveyed.Average(s => s.Importance / 3.0 * (1 - s.Satisfaction!.Value)),
            samples.Max(s => s.CaptureTime));
    }

    /// <summary>
    /// The moment summaries are computed as of: the start of the current UTC day, so every problem's weights, whenever
    /// computed that day, decay to the same instant and rank fairly; the daily refresh moves them all on together.
    /// </summary>
    public static DateTime AsOf(DateTimeOffset now) => now.UtcDateTime.Date;

    /// <summary>2^(−age in days ÷ 90); evidence from after the as-of moment (today's, or clock skew) counts fully.</summary>
    public static double Decay(DateTime captured, DateTime now) => Math.Pow(2, -Math.Max(0, (now - captured).TotalDays) / HalfLifeDays);
}
