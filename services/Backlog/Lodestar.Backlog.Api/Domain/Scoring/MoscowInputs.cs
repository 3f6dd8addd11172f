using Lodestar.Errors;

namespace Lodestar.Backlog.Domain.Scoring;

/// <summary>A MoSCoW category for a release; ranked must, should, could, won't.</summary>
public sealed record MoscowInputs(MoscowPriority Priority, string Release)
{
    public const string Formula = "Must > Should > Could > Won't (this release)";
    public const int MaxRelease = 50;

    public static void Validate(Violations violations, string field, MoscowInputs moscow)
    {
        if (!Enum.IsDefined(moscow.Priority)) violations.Add($"{field}.priority", "Required: must, should, could or won't.");
        violations.OptionalText($"{field}.release", moscow.Release, MaxRelease);
    }

    public double RankingKey => 5 - (int)Priority;
}
