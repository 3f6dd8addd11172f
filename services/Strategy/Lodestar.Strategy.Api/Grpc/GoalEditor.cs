using Lodestar.Api;
using Lodestar.Errors;
using Lodestar.Strategy.Domain.Goals;
using Lodestar.Strategy.Infrastructure;
using V1 = Lodestar.Strategy.V1;

namespace Lodestar.Strategy.Grpc;

/// <summary>Update masks of goals and key results applied to the entities; every bad field is named at once.</summary>
internal static class GoalEditor
{
    public static readonly string[] GoalFields = ["title", "description", "owner", "period_start", "period_end", "hypotheses"];
    public static readonly string[] KeyResultFields = ["title", "baseline", "target", "unit", "current_value"];

    public static void Apply(Goal goal, V1.Goal input, IReadOnlyCollection<string> paths)
    {
        var violations = new Violations();
        foreach (var path in paths)
        {
            switch (path)
            {
                case "title":
                    violations.RequiredText("goal.title", input.Title, Goal.MaxTitle);
                    goal.Title = input.Title.Trim();
                    break;
                case "description":
                    violations.OptionalText("goal.description", input.Description, Goal.MaxDescription);
                    goal.Description = input.Description;
                    break;
                case "owner":
                    violations.OptionalText("goal.owner", input.Owner, Goal.MaxOwner);
                    goal.Owner = input.Owner.Trim();
                    break;
                case "period_start":
                    goal.PeriodStart = violations.Read("goal.period_start", input.PeriodStart) ?? goal.PeriodStart;
                    break;
                case "period_end":
                    goal.PeriodEnd = violations.Read("goal.period_end", input.PeriodEnd) ?? goal.PeriodEnd;
                    break;
                case "hypotheses":
                    // Hypotheses live in discovery: links are checked for form; their status is unknown until reported.
                    goal.HypothesisIds = ResourceNames.ParseMany(input.Hypotheses, StrategyNames.Hypotheses, "goal.hypotheses", Goal.MaxHypotheses, violations)
                        .Select(h => h.Id).Distinct().ToList();
                    break;
            }
        }
        if (!violations.Any && goal.PeriodEnd < goal.PeriodStart)
            violations.Add("goal.period_end", $"The period ends ({goal.PeriodEnd:yyyy-MM-dd}) before it starts ({goal.PeriodStart:yyyy-MM-dd}).");
        violations.ThrowIfAny();
    }

    public static void Apply(KeyResult keyResult, V1.KeyResult input, IReadOnlyCollection<string> paths, Violations violations)
    {
        foreach (var path in paths)
        {
            switch (path)
            {
                case "title":
                    violations.RequiredText("key_result.title", input.Title, KeyResult.MaxTitle);
                    keyResult.Title = input.Title.Trim();
                    break;
                case "baseline":
                    if (!double.IsFinite(input.Baseline)) violations.Add("key_result.baseline", "Must be a finite number.");
                    keyResult.Baseline = input.Baseline;
                    break;
                case "target":
                    if (!double.IsFinite(input.Target)) violations.Add("key_result.target", "Must be a finite number.");
                    keyResult.Target = input.Target;
                    break;
                case "unit":
                    violations.OptionalText("key_result.unit", input.Unit, KeyResult.MaxUnit);
                    keyResult.Unit = input.Unit.Trim();
                    break;
                case "current_value" when input.HasCurrentValue && keyResult.MetricKey is null:
                    if (!double.IsFinite(input.CurrentValue)) violations.Add("key_result.current_value", "Must be a finite number.");
                    keyResult.CurrentValue = input.CurrentValue;
                    keyResult.CurrentValueTime = DateTime.UtcNow;
                    break;
            }
        }
        if (keyResult.Target == keyResult.Baseline && double.IsFinite(keyResult.Target))
            violations.Add("key_result.target", "The target must differ from the baseline, or there is nothing to achieve.");
        violations.ThrowIfAny();
    }
}
