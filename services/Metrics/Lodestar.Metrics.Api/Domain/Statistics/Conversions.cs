namespace Lodestar.Metrics.Domain.Statistics;

/// <summary>Users exposed to a variant and how many of them converted.</summary>
public readonly record struct Conversions(long Users, long Converted)
{
    public double Rate => Users == 0 ? 0 : (double)Converted / Users;

    /// <summary>Variance of the rate's estimate, p(1 − p) ÷ n.</summary>
    public double Variance => Users == 0 ? 0 : Rate * (1 - Rate) / Users;
}
