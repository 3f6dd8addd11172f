namespace Lodestar.Metrics.Domain.Surveys;

/// <summary>What a survey measures, and so which answers it takes.</summary>
public enum SurveyKind
{
    /// <summary>Net Promoter Score: 0–10.</summary>
    Nps = 1,

    /// <summary>Customer satisfaction: 1–5.</summary>
    Csat = 2,
}
