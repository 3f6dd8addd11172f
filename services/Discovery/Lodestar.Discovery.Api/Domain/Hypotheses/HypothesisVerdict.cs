using System.Globalization;

namespace Lodestar.Discovery.Domain.Hypotheses;

/// <summary>
/// The status an experiment's conclusion gives a hypothesis, and why. A hypothesis names the smallest relative effect
/// that matters: the experiment validates it only when the measured lift reaches that effect with its interval clear of
/// zero upwards; a significant but smaller lift is inconclusive. Invalidated and inconclusive verdicts stand as they are.
/// </summary>
public static class HypothesisVerdict
{
    public static (HypothesisStatus Status, string Reason) Judge(
        HypothesisStatus verdict, double minimumEffect, double? lift, double? intervalLow, double? intervalHigh, string? experimentReason)
    {
        var because = string.IsNullOrWhiteSpace(experimentReason) ? $"The experiment concluded {verdict.ToString().ToLowerInvariant()}." : experimentReason.Trim();
        if (verdict != HypothesisStatus.Validated) return (verdict, because);
        if (lift is not { } measured || intervalLow is not { } low || intervalHigh is not { } high)
            return (HypothesisStatus.Inconclusive, $"{because} No relative lift was measured (the control never converted), so the minimum effect of {P(minimumEffect)} cannot be checked.");
        var figures = $"lift {P(measured)}, 95 % interval {P(low)} to {P(high)}";
        if (low <= 0)
            return (HypothesisStatus.Inconclusive, $"{because} The interval of the lift is not clear of zero ({figures}).");
        if (measured < minimumEffect)
            return (HypothesisStatus.Inconclusive, $"{because} The lift is real but smaller than the minimum effect of {P(minimumEffect)} the hypothesis named ({figures}).");
        return (HypothesisStatus.Validated, $"{because} The lift reaches the minimum effect of {P(minimumEffect)} ({figures}).");
    }

    private static string P(double share) => share.ToString("+0.##%;-0.##%;0%", CultureInfo.InvariantCulture);
}
