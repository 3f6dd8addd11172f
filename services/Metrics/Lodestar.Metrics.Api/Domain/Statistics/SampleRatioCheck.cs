using MathNet.Numerics.Distributions;

namespace Lodestar.Metrics.Domain.Statistics;

/// <summary>
/// Sample-ratio mismatch: a chi-square goodness-of-fit test of the users each variant got against the planned weights.
/// A mismatch (p below 0.001) means the assignment or the exposure logging is broken and the results cannot be trusted.
/// </summary>
public sealed record SampleRatioCheck(double ChiSquare, int DegreesOfFreedom, double PValue)
{
    public const double Threshold = 0.001;

    public bool Mismatch => PValue < Threshold;

    /// <param name="users">Users per variant.</param>
    /// <param name="weights">Planned share per variant (any scale: normalised here).</param>
    public static SampleRatioCheck Of(IReadOnlyList<long> users, IReadOnlyList<double> weights)
    {
        if (users.Count != weights.Count || users.Count < 2) throw new ArgumentException("One weight per variant, at least two variants.");
        var total = users.Sum();
        var weightSum = weights.Sum();
        var chiSquare = 0.0;
        for (var i = 0; i < users.Count; i++)
        {
            var expected = total * weights[i] / weightSum;
            if (expected > 0) chiSquare += Math.Pow(users[i] - expected, 2) / expected;
        }
        var degrees = users.Count - 1;
        return new SampleRatioCheck(chiSquare, degrees, total == 0 ? 1 : 1 - ChiSquared.CDF(degrees, chiSquare));
    }
}
