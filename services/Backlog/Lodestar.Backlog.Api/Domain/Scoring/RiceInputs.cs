using Lodestar.Errors;

namespace Lodestar.Backlog.Domain.Scoring;

/// <summary>RICE = Reach × Impact × Confidence ÷ Effort (Intercom's model).</summary>
public sealed record RiceInputs(double Reach, double Impact, double Confidence, double Effort)
{
    public const string Formula = "RICE = Reach × Impact × Confidence ÷ Effort";
    public const double MaxReach = 1_000_000_000;
    public const double MaxEffort = 1_000;

    /// <summary>Massive, high, medium, low, minimal.</summary>
    public static IReadOnlyList<double> ImpactScale { get; } = [3, 2, 1, 0.5, 0.25];

    public static void Validate(Violations violations, string field, RiceInputs rice)
    {
        if (!double.IsFinite(rice.Reach) || rice.Reach < 0 || rice.Reach > MaxReach)
            violations.Add($"{field}.reach", $"People per period, 0 to {MaxReach:N0}; got {rice.Reach}.");
        if (!ImpactScale.Contains(rice.Impact))
            violations.Add($"{field}.impact", $"One of 3 (massive), 2 (high), 1 (medium), 0.5 (low), 0.25 (minimal); got {rice.Impact}.");
        if (!InRange(rice.Confidence, 0, 100))
            violations.Add($"{field}.confidence", $"A percentage from 0 to 100; got {rice.Confidence}.");
        if (!double.IsFinite(rice.Effort) || rice.Effort <= 0 || rice.Effort > MaxEffort)
            violations.Add($"{field}.effort", $"Person-months, more than 0 and at most {MaxEffort:N0}; got {rice.Effort}.");
    }

    public double Score(InputReader read) =>
        read("rice.reach", Reach) * read("rice.impact", Impact) * (read("rice.confidence", Confidence) / 100) / read("rice.effort", Effort);

    internal static bool InRange(double value, double low, double high) => double.IsFinite(value) && value >= low && value <= high;
}
