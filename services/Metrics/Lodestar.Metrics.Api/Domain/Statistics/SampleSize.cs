using MathNet.Numerics.Distributions;

namespace Lodestar.Metrics.Domain.Statistics;

/// <summary>
/// Users needed per variant to detect a relative lift of the conversion rate with a two-sided two-proportion z-test:
/// n = (z₁₋α/₂·√(2p̄(1−p̄)) + z₁₋β·√(p₁(1−p₁) + p₂(1−p₂)))² ÷ (p₂ − p₁)², p₂ = p₁(1 + MDE), p̄ = (p₁ + p₂) ÷ 2.
/// </summary>
public static class SampleSize
{
    public static long PerVariant(double baselineRate, double relativeEffect, double alpha, double power)
    {
        var p1 = baselineRate;
        var p2 = baselineRate * (1 + relativeEffect);
        if (p1 is <= 0 or >= 1 || p2 is <= 0 or >= 1 || p1 == p2)
            throw new ArgumentOutOfRangeException(nameof(relativeEffect), "Both rates must lie strictly between 0 and 1 and differ.");
        var mean = (p1 + p2) / 2;
        var zAlpha = Normal.InvCDF(0, 1, 1 - alpha / 2);
        var zBeta = Normal.InvCDF(0, 1, power);
        var root = zAlpha * Math.Sqrt(2 * mean * (1 - mean)) + zBeta * Math.Sqrt(p1 * (1 - p1) + p2 * (1 - p2));
        return (long)Math.Ceiling(root * root / Math.Pow(p2 - p1, 2));
    }
}
