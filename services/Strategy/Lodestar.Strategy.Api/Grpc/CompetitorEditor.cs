using Lodestar.Errors;
using Lodestar.Strategy.Domain.Competitors;
using V1 = Lodestar.Strategy.V1;

namespace Lodestar.Strategy.Grpc;

/// <summary>A competitor's fields applied from a request; every bad field is named at once.</summary>
internal static class CompetitorEditor
{
    public static readonly string[] Fields = ["display_name", "segment", "strengths", "weaknesses", "differentiation"];

    public static void Apply(Competitor competitor, V1.Competitor input, IReadOnlyList<string> paths)
    {
        var violations = new Violations();
        foreach (var path in paths)
        {
            switch (path)
            {
                case "display_name":
                    violations.RequiredText("competitor.display_name", input.DisplayName, Competitor.MaxDisplayName);
                    competitor.DisplayName = input.DisplayName.Trim();
                    break;
                case "segment":
                    violations.OptionalText("competitor.segment", input.Segment, Competitor.MaxText);
                    competitor.Segment = input.Segment.Trim();
                    break;
                case "strengths":
                    violations.TextList("competitor.strengths", input.Strengths, Competitor.MaxEntries, Competitor.MaxText);
                    competitor.Strengths = [.. input.Strengths.Select(s => s.Trim())];
                    break;
                case "weaknesses":
                    violations.TextList("competitor.weaknesses", input.Weaknesses, Competitor.MaxEntries, Competitor.MaxText);
                    competitor.Weaknesses = [.. input.Weaknesses.Select(s => s.Trim())];
                    break;
                case "differentiation":
                    violations.OptionalText("competitor.differentiation", input.Differentiation, Competitor.MaxDifferentiation);
                    competitor.Differentiation = input.Differentiation.Trim();
                    break;
            }
        }
        violations.ThrowIfAny();
    }
}
