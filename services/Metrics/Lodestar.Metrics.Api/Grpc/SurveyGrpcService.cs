using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Lodestar.Api;
using Lodestar.Errors;
using Lodestar.Metrics.Domain.Events;
using Lodestar.Metrics.Domain.Statistics;
using Lodestar.Metrics.Domain.Surveys;
using Lodestar.Metrics.Infrastructure;
using Lodestar.Persistence;
using Microsoft.EntityFrameworkCore;
using V1 = Lodestar.Metrics.V1;

namespace Lodestar.Metrics.Grpc;

/// <summary>lodestar.metrics.v1.SurveyService: NPS and CSAT surveys, responses and scores.</summary>
public sealed class SurveyGrpcService(MetricsDbContext db, TimeProvider clock) : V1.SurveyService.SurveyServiceBase
{
    private static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(10);

    public override async Task<V1.Survey> CreateSurvey(V1.CreateSurveyRequest request, ServerCallContext context)
    {
        var product = await db.FindProductAsync(request.Parent, "parent", context.CancellationToken);
        var input = request.Survey ?? throw new ValidationException("survey", "Required.");
        var violations = new Violations();
        violations.RequiredText("survey.display_name", input.DisplayName, Survey.MaxDisplayName);
        violations.OptionalText("survey.question", input.Question, Survey.MaxQuestion);
        violations.DefinedEnum("survey.kind", input.Kind, allowZero: false);
        violations.ThrowIfAny();
        var survey = new Survey { ProductId = product.Id, DisplayName = input.DisplayName.Trim(), Kind = (SurveyKind)input.Kind, Question = input.Question.Trim() };
        db.Surveys.Add(survey);
        await db.SaveChangesAsync(context.CancellationToken);
        return SurveyMapping.ToProto(survey, 0);
    }

    public override async Task<V1.Survey> GetSurvey(V1.GetSurveyRequest request, ServerCallContext context)
    {
        var survey = await db.FindSurveyAsync(request.Name, "name", context.CancellationToken);
        return SurveyMapping.ToProto(survey, await db.SurveyAnswers.LongCountAsync(a => a.SurveyId == survey.Id, context.CancellationToken));
    }

    public override async Task<V1.ListSurveysResponse> ListSurveys(V1.ListSurveysRequest request, ServerCallContext context)
    {
        var product = await db.FindProductAsync(request.Parent, "parent", context.CancellationToken);
        var (page, next) = await Pagination.OffsetPageAsync(request.PageSize, request.PageToken, Pagination.Fingerprint(nameof(ListSurveys), request.Parent),
            (skip, take) => db.Surveys.AsNoTracking().Where(s => s.ProductId == product.Id)
                .OrderByDescending(s => s.CreateTime).ThenBy(s => s.Id).Skip(skip).Take(take)
                .Select(s => new { Survey = s, Count = db.SurveyAnswers.LongCount(a => a.SurveyId == s.Id) })
                .ToListAsync(context.CancellationToken));
        return new V1.ListSurveysResponse { Surveys = { page.Select(p => SurveyMapping.ToProto(p.Survey, p.Count)) }, NextPageToken = next };
    }

    public override async Task<Empty> DeleteSurvey(V1.DeleteSurveyRequest request, ServerCallContext context)
    {
        var survey = await db.FindSurveyAsync(request.Name, "name", context.CancellationToken);
        db.Surveys.Remove(survey); // responses cascade
        await db.SaveChangesAsync(context.CancellationToken);
        await db.MarkMetricsStaleAsync(survey.ProductId, 0, context.CancellationToken); // its answers leave every window
        return new Empty();
    }

    public override async Task<V1.SurveyResponse> RecordSurveyResponse(V1.RecordSurveyResponseRequest request, ServerCallContext context)
    {
        var survey = await db.FindSurveyAsync(request.Parent, "parent", context.CancellationToken);
        var input = request.Response ?? throw new ValidationException("response", "Required.");
        var answer = SurveyMapping.Read(input, survey, clock.GetUtcNow().UtcDateTime, MaxClockSkew);
        if (answer.ResponseKey is { } key
            && await db.SurveyAnswers.AsNoTracking().FirstOrDefaultAsync(a => a.SurveyId == survey.Id && a.ResponseKey == key, context.CancellationToken) is { } earlier)
            return SurveyMapping.ToProto(earlier);
        db.SurveyAnswers.Add(answer);
        try
        {
            await db.SaveChangesAsync(context.CancellationToken);
            await db.MarkMetricsStaleAsync(survey.ProductId, UtcDays.Of(answer.RespondedAt), context.CancellationToken);
        }
        catch (AlreadyExistsException) when (answer.ResponseKey is not null)
        {
            // A concurrent retry stored it first.
            db.ChangeTracker.Clear();
            return SurveyMapping.ToProto(await db.SurveyAnswers.AsNoTracking().FirstAsync(a => a.SurveyId == survey.Id && a.ResponseKey == answer.ResponseKey, context.CancellationToken));
        }
        return SurveyMapping.ToProto(answer);
    }

    public override async Task<V1.NpsReport> GetNpsReport(V1.GetNpsReportRequest request, ServerCallContext context)
    {
        var query = await SurveyReportQuery.ReadAsync(db, request.Product, request.Surveys, request.StartDate, request.EndDate, request.Period, SurveyKind.Nps, context.CancellationToken);
        var report = new V1.NpsReport { Overall = SurveyMapping.ToProto(NetPromoterScore.Of(query.Answers.Select(a => a.Score))), Surveys = { query.SurveyNames } };
        report.Periods.AddRange(query.ByPeriod().Select(p => new V1.NpsPeriod { StartDate = p.Start.ToProto(), Summary = SurveyMapping.ToProto(NetPromoterScore.Of(p.Scores)) }));
        return report;
    }

    public override async Task<V1.CsatReport> GetCsatReport(V1.GetCsatReportRequest request, ServerCallContext context)
    {
        var query = await SurveyReportQuery.ReadAsync(db, request.Product, request.Surveys, request.StartDate, request.EndDate, request.Period, SurveyKind.Csat, context.CancellationToken);
        var report = new V1.CsatReport { Overall = SurveyMapping.ToProto(SatisfactionScore.Of(query.Answers.Select(a => a.Score))), Surveys = { query.SurveyNames } };
        report.Periods.AddRange(query.ByPeriod().Select(p => new V1.CsatPeriod { StartDate = p.Start.ToProto(), Summary = SurveyMapping.ToProto(SatisfactionScore.Of(p.Scores)) }));
        return report;
    }
}
