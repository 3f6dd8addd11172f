namespace Lodestar.Metrics.Domain.Statistics;

/// <summary>CSAT = % of responses of 4 or 5 on a 1–5 scale, with a 95 % Wald interval.</summary>
public sealed record SatisfactionScore(long Satisfied, long Responses)
{
    public double Score => Responses == 0 ? 0 : 100.0 * Satisfied / Responses;

    public double Margin => Responses == 0 ? 0
        : 100 * ProportionTest.ZFor(0.95) * Math.Sqrt(Score / 100 * (1 - Score / 100) / Responses);

    public static SatisfactionScore Of(IEnumerable<int> scores)
    {
        long satisfied = 0, responses = 0;
        foreach (var score in scores)
        {
            responses++;
            if (score >= 4) satisfied++;
        }
        return new SatisfactionScore(satisfied, responses);
    }
}
