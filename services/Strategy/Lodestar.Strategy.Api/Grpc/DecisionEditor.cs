using Lodestar.Api;
using Lodestar.Errors;
using Lodestar.Strategy.Domain.Stakeholders;
using Lodestar.Strategy.Infrastructure;
using V1 = Lodestar.Strategy.V1;

namespace Lodestar.Strategy.Grpc;

/// <summary>A decision's fields applied from a request; every bad field is named at once.</summary>
internal static class DecisionEditor
{
    public static readonly string[] Fields = ["title", "context", "options_considered", "outcome", "rationale", "decide_date", "informed_stakeholders"];

    /// <summary>Applies the named fields; returns the informed stakeholders to link when they are among them (null otherwise).</summary>
    public static List<(string Name, Guid Id)>? Apply(Decision decision, V1.Decision input, IReadOnlyList<string> paths)
    {
        var violations = new Violations();
        List<(string Name, Guid Id)>? informed = null;
        foreach (var path in paths)
        {
            switch (path)
            {
                case "title":
                    violations.RequiredText("decision.title", input.Title, Decision.MaxTitle);
                    decision.Title = input.Title.Trim();
                    break;
                case "context":
                    violations.OptionalText("decision.context", input.Context, Decision.MaxContext);
                    decision.Context = input.Context;
                    break;
                case "options_considered":
                    violations.TextList("decision.options_considered", input.OptionsConsidered, Decision.MaxOptions, Decision.MaxOption);
                    decision.OptionsConsidered = [.. input.OptionsConsidered.Select(o => o.Trim())];
                    break;
                case "outcome":
                    violations.RequiredText("decision.outcome", input.Outcome, Decision.MaxOutcome);
                    decision.Outcome = input.Outcome.Trim();
                    break;
                case "rationale":
                    violations.RequiredText("decision.rationale", input.Rationale, Decision.MaxRationale);
                    decision.Rationale = input.Rationale.Trim();
                    break;
                case "decide_date":
                    decision.DecideDate = violations.Read("decision.decide_date", input.DecideDate) ?? decision.DecideDate;
                    break;
                case "informed_stakeholders":
                    informed = ResourceNames.ParseMany(input.InformedStakeholders, StrategyNames.Stakeholders,
                        "decision.informed_stakeholders", Decision.MaxInformed, violations);
                    break;
            }
        }
        violations.ThrowIfAny();
        return informed;
    }
}
