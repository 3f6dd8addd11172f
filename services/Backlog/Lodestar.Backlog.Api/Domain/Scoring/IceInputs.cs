using Lodestar.Errors;

namespace Lodestar.Backlog.Domain.Scoring;

/// <summary>ICE = Impact × Confidence × Ease, each 1–10.</summary>
public sealed record IceInputs(double Impact, double Confidence, double Ease)
{
    public const string Formula = "ICE = Impact × Confidence × Ease";

    public static void Validate(Violations violations, string field, IceInputs ice)
    {
        foreach (var (name, value) in new[] { ("impact", ice.Impact), ("confidence", ice.Confidence), ("ease", ice.Ease) })
            if (!RiceInputs.InRange(value, 1, 10)) violations.Add($"{field}.{name}", $"From 1 to 10; got {value}.");
    }

    public double Score(InputReader read) => read("ice.impact", Impact) * read("ice.confidence", Confidence) * read("ice.ease", Ease);
}
