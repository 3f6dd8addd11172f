using MathNet.Numerics.Distributions;

namespace Lodestar.Metrics.Domain.Statistics;

/// <summary>
/// The two-proportion z-test: pooled standard error for the test statistic, unpooled (Wald) for the interval of the
/// difference, as in most A/B-testing texts.
/// </summary>
public static class ProportionTest
{
    public static double ZFor(double confidence) => Normal.InvCDF(0, 1, 1 - (1 - confidence) / 2);

    public static ProportionComparison Compare(Conversions control, Conversions variant, double confidence = 0.95)
    {
        var difference = variant.Rate - control.Rate;
        var pooled = (double)(control.Converted + variant.Converted) / Math.Max(1, control.Users + variant.Users);
        var pooledError = Math.Sqrt(pooled * (1 - pooled) * (1.0 / Math.Max(1, control.Users) + 1.0 / Math.Max(1, variant.Users)));
        var z = pooledError == 0 ? 0 : difference / pooledError;
        var pValue = pooledError == 0 ? 1 : 2 * (1 - Normal.CDF(0, 1, Math.Abs(z)));
        var margin = ZFor(confidence) * Math.Sqrt(control.Variance + variant.Variance);
        double? relative = control.Rate == 0 ? null : difference / control.Rate;
        return new ProportionComparison(control.Rate, variant.Rate, difference, relative, difference - margin, difference + margin, z, pValue);
    }
}
