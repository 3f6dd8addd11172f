namespace Lodestar.Metrics.Domain.Statistics;

/// <summary>
/// NPS = % promoters (9–10) − % detractors (0–6), from −100 to 100, with a 95 % interval from the variance of the
/// per-response score (+1, 0, −1): Var = p₊ + p₋ − (p₊ − p₋)².
/// </summary>
public sealed record NetPromoterScore(long Promoters, long Passives, long Detractors)
{
    public long Responses => Promoters + Passives + Detractors;

    public double Score => Responses == 0 ? 0 : 100.0 * (Promoters - Detractors) / Responses;

    /// <summary>Half the width of the 95 % interval, in NPS points.</summary>
    public double Margin
    {
        get
        {
            if (Responses == 0) return 0;
            var promoters = (double)Promoters / Responses;
            var detractors = (double)Detractors / Responses;
            var variance = promoters + detractors - Math.Pow(promoters - detractors, 2);
            return 100 * ProportionTest.ZFor(0.95) * Math.Sqrt(variance / Responses);
        }
    }

    public static NetPromoterScore Of(IEnumerable<int> scores)
    {
        long promoters = 0, passives = 0, detractors = 0;
        foreach (var score in scores)
        {
            if (score >= 9) promoters++;
            else if (score >= 7) passives++;
            else detractors++;
        }
        return new NetPromoterScore(promoters, passives, detractors);
    }

    public NetPromoterScore Plus(NetPromoterScore other) =>
        new(Promoters + other.Promoters, Passives + other.Passives, Detractors + other.Detractors);
}
