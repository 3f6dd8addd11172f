using Lodestar.Errors;
using Lodestar.Strategy.Domain.Stakeholders;
using V1 = Lodestar.Strategy.V1;

namespace Lodestar.Strategy.Grpc;

/// <summary>A stakeholder's fields applied from a request; every bad field is named at once.</summary>
internal static class StakeholderEditor
{
    public static readonly string[] Fields = ["display_name", "function", "title", "asks"];

    public static void Apply(Stakeholder stakeholder, V1.Stakeholder input, IReadOnlyList<string> paths)
    {
        var violations = new Violations();
        foreach (var path in paths)
        {
            switch (path)
            {
                case "display_name":
                    violations.RequiredText("stakeholder.display_name", input.DisplayName, Stakeholder.MaxName);
                    stakeholder.DisplayName = input.DisplayName.Trim();
                    break;
                case "function":
                    violations.DefinedEnum("stakeholder.function", input.Function, allowZero: false);
                    stakeholder.Function = (StakeholderFunction)input.Function;
                    break;
                case "title":
                    violations.OptionalText("stakeholder.title", input.Title, Stakeholder.MaxName);
                    stakeholder.Title = input.Title.Trim();
                    break;
                case "asks":
                    violations.TextList("stakeholder.asks", input.Asks, Stakeholder.MaxAsks, Stakeholder.MaxAsk);
                    stakeholder.Asks = [.. input.Asks.Select(a => a.Trim())];
                    break;
            }
        }
        violations.ThrowIfAny();
    }
}
