using Lodestar.Persistence;

namespace Lodestar.Metrics.Domain.Surveys;

/// <summary>A survey of a product's users.</summary>
public sealed class Survey : WorkspaceEntity
{
    public const int MaxDisplayName = 200;
    public const int MaxQuestion = 500;

    public Guid ProductId { get; set; }

    public string DisplayName { get; set; } = "";

    public SurveyKind Kind { get; set; }

    public string Question { get; set; } = "";

    /// <summary>The lowest and highest answer the survey takes.</summary>
    public static (int Min, int Max) Scale(SurveyKind kind) => kind == SurveyKind.Nps ? (0, 10) : (1, 5);
}
