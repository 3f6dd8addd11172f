using Lodestar.Persistence;

namespace Lodestar.Metrics.Domain.Surveys;

/// <summary>One response to a survey.</summary>
public sealed class SurveyAnswer : WorkspaceEntity
{
    public const int MaxResponseId = 128;
    public const int MaxRespondent = 256;
    public const int MaxComment = 2000;

    public Guid SurveyId { get; set; }

    public Guid ProductId { get; set; }

    /// <summary>The sender's id for the response, unique per survey when set: a retry is recognised.</summary>
    public string? ResponseKey { get; set; }

    public string RespondentId { get; set; } = "";

    public int Score { get; set; }

    public string Comment { get; set; } = "";

    public DateTime RespondedAt { get; set; }
}
