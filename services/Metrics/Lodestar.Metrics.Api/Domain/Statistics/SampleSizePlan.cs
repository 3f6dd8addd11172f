namespace Lodestar.Metrics.Domain.Statistics;

/// <summary>Users an experiment of several variants needs, in all and per variant, and the days that takes at a daily rate.</summary>
public sealed record SampleSizePlan(long UsersPerVariant, long TotalUsers, int Days)
{
    /// <summary>
    /// More variants compare more often with the control: alpha is split among the comparisons, as the analysis does.
    /// <paramref name="dailyUsers"/> of 0 leaves the days unknown (0).
    /// </summary>
    public static SampleSizePlan For(double baselineRate, double relativeEffect, double alpha, double power, int variants, long dailyUsers)
    {
        var perVariant = SampleSize.PerVariant(baselineRate, relativeEffect, alpha / (variants - 1), power);
        var total = perVariant * variants;
        return new SampleSizePlan(perVariant, total, dailyUsers > 0 ? (int)Math.Min(int.MaxValue, (total + dailyUsers - 1) / dailyUsers) : 0);
    }
}
