using MathNet.Numerics.Distributions;

namespace Lodestar.Metrics.Domain.Statistics;

/// <summary>
/// Chance to beat control: P(p_variant > p_control) under independent Beta(1 + conversions, 1 + non-conversions)
/// posteriors (uniform priors), integrated numerically over where the variant's posterior has mass.
/// </summary>
public static class BayesianComparison
{
    private const int Steps = 4000;

    public static double ChanceToBeatControl(Conversions control, Conversions variant)
    {
        var a = new Beta(1 + control.Converted, 1 + control.Users - control.Converted);
        var b = new Beta(1 + variant.Converted, 1 + variant.Users - variant.Converted);
        var spread = 12 * b.StdDev;
        var low = Math.Max(0, b.Mean - spread);
        var high = Math.Min(1, b.Mean + spread);
        // Simpson's rule on ∫ f_b(x) · F_a(x) dx.
        var h = (high - low) / Steps;
        var sum = 0.0;
        for (var i = 0; i <= Steps; i++)
        {
            var x = low + i * h;
            var weight = i == 0 || i == Steps ? 1 : i % 2 == 1 ? 4 : 2;
            sum += weight * b.Density(x) * a.CumulativeDistribution(x);
        }
        return Math.Clamp(sum * h / 3, 0, 1);
    }
}
