namespace Lodestar.Metrics.Domain.Statistics;

/// <summary>
/// The mixture sequential probability ratio test (Johari, Pekelis and Walsh, "Always valid inference", 2017) on the
/// difference of two conversion rates, with a normal mixing distribution of variance τ² and the normal approximation of
/// the difference's estimate (variance V): Λ = √(V ÷ (V + τ²)) · exp(τ²θ̂² ÷ (2V(V + τ²))). The p-value min(1, 1 ÷ Λ)
/// and the matching confidence sequence hold at every look, so checking daily and stopping at the first significant
/// result keeps the false-positive rate at α. A running minimum over looks is also valid; callers keep it.
/// </summary>
public static class SequentialTest
{
    /// <param name="control">The control's conversions.</param>
    /// <param name="variant">The variant's conversions.</param>
    /// <param name="mixingVariance">τ²: the squared size of the effects the test is tuned for (e.g. the MDE in absolute terms, squared).</param>
    /// <param name="alpha">For the interval: 1 − confidence.</param>
    public static SequentialResult Evaluate(Conversions control, Conversions variant, double mixingVariance, double alpha = 0.05)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(mixingVariance);
        var difference = variant.Rate - control.Rate;
        var v = control.Variance + variant.Variance;
        if (v <= 0 || control.Users == 0 || variant.Users == 0) return new SequentialResult(1, -1, 1);
        var logLikelihoodRatio = 0.5 * Math.Log(v / (v + mixingVariance))
            + mixingVariance * difference * difference / (2 * v * (v + mixingVariance));
        var pValue = Math.Min(1, Math.Exp(-logLikelihoodRatio));
        var radius = Math.Sqrt(v * (v + mixingVariance) / mixingVariance * (2 * Math.Log(1 / alpha) + Math.Log((v + mixingVariance) / v)));
        return new SequentialResult(pValue, difference - radius, difference + radius);
    }
}
