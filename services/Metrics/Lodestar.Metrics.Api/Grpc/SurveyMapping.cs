using Google.Protobuf.WellKnownTypes;
using Lodestar.Api;
using Lodestar.Errors;
using Lodestar.Metrics.Domain.Events;
using Lodestar.Metrics.Domain.Statistics;
using Lodestar.Metrics.Domain.Surveys;
using Lodestar.Metrics.Infrastructure;
using Lodestar.Persistence;
using V1 = Lodestar.Metrics.V1;

namespace Lodestar.Metrics.Grpc;

/// <summary>Surveys and responses between messages and records.</summary>
public static class SurveyMapping
{
    public static string NameOf(Survey survey) => ResourceNames.Format(MetricsNames.Products, survey.ProductId, MetricsNames.Surveys, survey.Id);

    public static V1.Survey ToProto(Survey survey, long responses) => new()
    {
        Name = NameOf(survey),
        DisplayName = survey.DisplayName,
        Kind = (V1.SurveyKind)survey.Kind,
        Question = survey.Question,
        ResponseCount = responses,
        Metadata = survey.ToMetadata(),
    };

    public static V1.SurveyResponse ToProto(SurveyAnswer answer) => new()
    {
        Name = $"{ResourceNames.Format(MetricsNames.Products, answer.ProductId, MetricsNames.Surveys, answer.SurveyId)}/responses/{answer.Id:D}",
        ResponseId = answer.ResponseKey ?? "",
        RespondentId = answer.RespondentId,
        Score = answer.Score,
        Comment = answer.Comment,
        ResponseTime = answer.RespondedAt.ToUtcTimestamp(),
    };

    public static SurveyAnswer Read(V1.SurveyResponse input, Survey survey, DateTime now, TimeSpan maxClockSkew)
    {
        var violations = new Violations();
        if (!string.IsNullOrEmpty(input.ResponseId) && !EventRules.IsEventKey(input.ResponseId))
            violations.Add("response.response_id", $"1–{SurveyAnswer.MaxResponseId} letters, digits and ._:- only.");
        violations.OptionalText("response.respondent_id", input.RespondentId, SurveyAnswer.MaxRespondent);
        violations.OptionalText("response.comment", input.Comment, SurveyAnswer.MaxComment);
        var (min, max) = Survey.Scale(survey.Kind);
        if (input.Score < min || input.Score > max)
            violations.Add("response.score", $"{(survey.Kind == SurveyKind.Nps ? "An NPS" : "A CSAT")} answer is {min}–{max}; got {input.Score}.");
        var time = now;
        if (input.ResponseTime is { } given)
        {
            try
            {
                time = given.ToDateTime();
                if (time > now + maxClockSkew) violations.Add("response.response_time", "In the future.");
            }
            catch (InvalidOperationException)
            {
                violations.Add("response.response_time", "Not a valid timestamp.");
            }
        }
        violations.ThrowIfAny();
        return new SurveyAnswer
        {
            SurveyId = survey.Id,
            ProductId = survey.ProductId,
            ResponseKey = string.IsNullOrEmpty(input.ResponseId) ? null : input.ResponseId,
            RespondentId = input.RespondentId.Trim(),
            Score = input.Score,
            Comment = input.Comment.Trim(),
            RespondedAt = StoredTime.Of(time),
        };
    }

    public static V1.NpsSummary ToProto(NetPromoterScore nps) => new()
    {
        Responses = nps.Responses,
        Promoters = nps.Promoters,
        Passives = nps.Passives,
        Detractors = nps.Detractors,
        Score = nps.Score,
        IntervalLow = Math.Max(-100, nps.Score - nps.Margin),
        IntervalHigh = Math.Min(100, nps.Score + nps.Margin),
    };

    public static V1.CsatSummary ToProto(SatisfactionScore csat) => new()
    {
        Responses = csat.Responses,
        Satisfied = csat.Satisfied,
        Score = csat.Score,
        IntervalLow = Math.Max(0, csat.Score - csat.Margin),
        IntervalHigh = Math.Min(100, csat.Score + csat.Margin),
    };
}
