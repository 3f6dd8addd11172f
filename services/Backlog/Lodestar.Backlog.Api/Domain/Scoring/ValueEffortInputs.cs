using Lodestar.Errors;

namespace Lodestar.Backlog.Domain.Scoring;

/// <summary>
/// Value versus effort, each 1–10, above 5 counting as high. Ranked by quadrant (quick wins, big bets, fill-ins,
/// money pits), then by value ÷ effort within a quadrant.
/// </summary>
public sealed record ValueEffortInputs(double Value, double Effort)
{
    public const string Formula = "Quadrant by value and effort (high above 5), then Value ÷ Effort";
    public const double HighAbove = 5;

    public static void Validate(Violations violations, string field, ValueEffortInputs inputs)
    {
        if (!RiceInputs.InRange(inputs.Value, 1, 10)) violations.Add($"{field}.value", $"From 1 to 10; got {inputs.Value}.");
        if (!RiceInputs.InRange(inputs.Effort, 1, 10)) violations.Add($"{field}.effort", $"From 1 to 10; got {inputs.Effort}.");
    }

    public static ValueEffortQuadrant QuadrantOf(double value, double effort) => (value > HighAbove, effort > HighAbove) switch
    {
        (true, false) => ValueEffortQuadrant.QuickWin,
        (true, true) => ValueEffortQuadrant.BigBet,
        (false, false) => ValueEffortQuadrant.FillIn,
        (false, true) => ValueEffortQuadrant.MoneyPit,
    };

    public ValueEffortQuadrant Quadrant => QuadrantOf(Value, Effort);

    public double Ratio => Value / Effort;

    /// <summary>Sort key: the quadrant dominates (ratios stay below 10), the ratio orders within it.</summary>
    public double RankingKey(InputReader read)
    {
        var (value, effort) = (read("value_effort.value", Value), read("value_effort.effort", Effort));
        return ((5 - (int)QuadrantOf(value, effort)) * 100) + (value / effort);
    }
}
