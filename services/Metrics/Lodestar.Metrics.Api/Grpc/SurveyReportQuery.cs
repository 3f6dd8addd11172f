using Grpc.Core;
using Lodestar.Api;
using Lodestar.Errors;
using Lodestar.Metrics.Domain.Activity;
using Lodestar.Metrics.Domain.Surveys;
using Lodestar.Metrics.Infrastructure;
using Microsoft.EntityFrameworkCore;
using V1 = Lodestar.Metrics.V1;

namespace Lodestar.Metrics.Grpc;

/// <summary>The answers a survey report counts: the named surveys (or all of a kind) in a date range, by period.</summary>
public sealed record SurveyReportQuery(IReadOnlyList<(int Score, DateTime At)> Answers, IReadOnlyList<string> SurveyNames, CalendarPeriod Period, DateOnly Start, DateOnly End)
{
    private const int MaxDays = 3 * 366;
    private const int MaxSurveys = 50;

    public static async Task<SurveyReportQuery> ReadAsync(
        MetricsDbContext db, string productName, IReadOnlyList<string> names, Google.Type.Date? start, Google.Type.Date? end, V1.Period period,
        SurveyKind kind, CancellationToken cancellationToken)
    {
        var product = await db.FindProductAsync(productName, "product", cancellationToken);
        var violations = new Violations();
        var unit = ActivityMapping.ReadPeriod(violations, period == V1.Period.Unspecified ? V1.Period.Month : period, allowMonth: true);
        var (from, to) = ActivityMapping.ReadRange(violations, start, end, CalendarPeriod.Day, MaxDays);
        if (names.Count > MaxSurveys) violations.Add("surveys", $"At most {MaxSurveys}.");
        var ids = new List<Guid>();
        for (var i = 0; i < names.Count && i < MaxSurveys; i++)
        {
            if (ResourceNames.ParseChildId(names[i], MetricsNames.Products, MetricsNames.Surveys, $"surveys[{i}]", violations) is not { } survey) continue;
            if (survey.ParentId != product.Id) violations.Add($"surveys[{i}]", "Not a survey of the product.");
            ids.Add(survey.Id);
        }
        violations.ThrowIfAny();

        var surveys = await db.Surveys.AsNoTracking()
            .Where(s => s.ProductId == product.Id && (ids.Count == 0 ? s.Kind == kind : ids.Contains(s.Id)))
            .ToListAsync(cancellationToken);
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            var survey = surveys.FirstOrDefault(s => s.Id == id) ?? throw new NotFoundException("Survey", names[i]);
            if (survey.Kind != kind) violations.Add($"surveys[{i}]", $"Not {(kind == SurveyKind.Nps ? "an NPS" : "a CSAT")} survey.");
        }
        violations.ThrowIfAny();

        var surveyIds = surveys.Select(s => s.Id).ToList();
        var (after, before) = (from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        var answers = await db.SurveyAnswers.AsNoTracking()
            .Where(a => surveyIds.Contains(a.SurveyId) && a.RespondedAt >= after && a.RespondedAt < before)
            .Select(a => new { a.Score, a.RespondedAt }).ToListAsync(cancellationToken);
        return new SurveyReportQuery([.. answers.Select(a => (a.Score, a.RespondedAt))], [.. surveys.Select(SurveyMapping.NameOf)], unit!.Value, from, to);
    }

    /// <summary>Every period from the one containing the start to the one containing the end, with its answers.</summary>
    public IEnumerable<(DateOnly Start, IEnumerable<int> Scores)> ByPeriod()
    {
        var byStart = Answers.ToLookup(a => PeriodCalendar.StartOf(Period, DateOnly.FromDateTime(a.At)), a => a.Score);
        var count = PeriodCalendar.Count(Period, Start, End);
        var first = PeriodCalendar.StartOf(Period, Start);
        return Enumerable.Range(0, count).Select(i => PeriodCalendar.Shift(Period, first, i)).Select(s => (s, byStart[s]));
    }
}
