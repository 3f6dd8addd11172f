using Lodestar.Metrics.Domain.Activity;
using Lodestar.Metrics.Domain.Events;
using Lodestar.Metrics.Domain.Funnels;
using Lodestar.Metrics.Domain.Statistics;
using Lodestar.Metrics.Domain.Surveys;
using Lodestar.Metrics.Domain.Values;
using Lodestar.Metrics.Infrastructure.Aggregates;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Metrics.Infrastructure;

/// <summary>
/// Computes every named metric of a product for each day of a range of complete UTC days, each from what had happened
/// by the end of that day (see metric_values.proto for the definitions). A range is read in a few round trips, so a
/// history of months costs little more than one day.
/// </summary>
public sealed class MetricValueCalculator(MetricsDbContext db, AggregateReader reader)
{
    private const int SurveyDays = 90;
    private const int ConversionDays = 30;

    public async Task<SortedDictionary<int, Dictionary<string, double>>> ComputeAsync(Guid productId, int firstDay, int lastDay, CancellationToken cancellationToken)
    {
        var values = new SortedDictionary<int, Dictionary<string, double>>();
        for (var day = firstDay; day <= lastDay; day++) values[day] = [];

        var activity = ActivityCalculator.Series(
            await reader.ActiveDailyAsync(productId, new DayRange(ActivityCalculator.FirstDayNeeded(firstDay), lastDay)), firstDay, lastDay);
        foreach (var point in activity)
            foreach (var key in MetricKeys.Daily) values[point.Day][key] = MetricKeys.Of(point, key);

        await AddRetentionAsync(productId, values, cancellationToken);
        await AddSurveysAsync(productId, values, cancellationToken);
        await AddConversionsAsync(productId, values, cancellationToken);
        return values;
    }

    /// <summary>Day-N retention as of day D: the share of the users first seen on day D − N who were active on day D.</summary>
    private async Task AddRetentionAsync(Guid productId, SortedDictionary<int, Dictionary<string, double>> values, CancellationToken cancellationToken)
    {
        var pairs = values.Keys.SelectMany(day => MetricKeys.RetentionDays.Select(n => (Day: day, N: n))).ToList();
        var cohorts = await reader.FirstSeenAsync(productId, [.. pairs.Select(p => new DayRange(p.Day - p.N, p.Day - p.N))]);
        var returns = await reader.ActiveAsync(productId, [.. pairs.Select(p => new DayRange(p.Day, p.Day))]);
        cancellationToken.ThrowIfCancellationRequested();
        for (var i = 0; i < pairs.Count; i++)
        {
            if (cohorts[i].Count == 0) continue;
            values[pairs[i].Day][MetricKeys.Retention(pairs[i].N)] = (double)UserSet.CountIntersection(cohorts[i], returns[i]) / cohorts[i].Count;
        }
    }

    /// <summary>NPS and CSAT as of day D: every answer of the 90 days ending D.</summary>
    private async Task AddSurveysAsync(Guid productId, SortedDictionary<int, Dictionary<string, double>> values, CancellationToken cancellationToken)
    {
        var (first, last) = (values.Keys.First(), values.Keys.Last());
        var since = Start(first - (SurveyDays - 1));
        var until = Start(last + 1);
        var answers = (await db.SurveyAnswers.AsNoTracking()
            .Where(a => a.ProductId == productId && a.RespondedAt >= since && a.RespondedAt < until)
            .Join(db.Surveys, a => a.SurveyId, s => s.Id, (a, s) => new { s.Kind, a.Score, a.RespondedAt })
            .ToListAsync(cancellationToken)).Select(a => (a.Kind, a.Score, Day: UtcDays.Of(a.RespondedAt))).ToList();
        foreach (var (day, dayValues) in values)
        {
            var window = answers.Where(a => a.Day > day - SurveyDays && a.Day <= day).ToList();
            var nps = window.Where(a => a.Kind == SurveyKind.Nps).Select(a => a.Score).ToList();
            var csat = window.Where(a => a.Kind == SurveyKind.Csat).Select(a => a.Score).ToList();
            if (nps.Count > 0) dayValues[MetricKeys.Nps] = NetPromoterScore.Of(nps).Score;
            if (csat.Count > 0) dayValues[MetricKeys.Csat] = SatisfactionScore.Of(csat).Score;
        }
    }

    /// <summary>A funnel's conversion as of day D: users entering in the 30 days ending D, and the steps they took by the end of D.</summary>
    private async Task AddConversionsAsync(Guid productId, SortedDictionary<int, Dictionary<string, double>> values, CancellationToken cancellationToken)
    {
        var (first, last) = (values.Keys.First(), values.Keys.Last());
        foreach (var funnel in await db.Funnels.AsNoTracking().Where(f => f.ProductId == productId).ToListAsync(cancellationToken))
        {
            var steps = funnel.Steps.Distinct().ToList();
            var since = Start(first - (ConversionDays - 1));
            var until = Start(last + 1);
            var events = await db.Events.AsNoTracking()
                .Where(e => e.ProductId == productId && steps.Contains(e.EventName) && e.Time >= since && e.Time < until)
                .OrderBy(e => e.UserIndex).ThenBy(e => e.Time).ThenBy(e => e.Id)
                .Select(e => new FunnelEvent(e.UserIndex, e.EventName, e.Time))
                .ToListAsync(cancellationToken);
            foreach (var (day, dayValues) in values)
            {
                var end = Start(day + 1);
                var users = FunnelCalculator.UsersPerStep(events.Where(e => e.Time < end), funnel.Steps, funnel.Window, Start(day - (ConversionDays - 1)), end);
                if (users[0] > 0) dayValues[funnel.MetricKey] = FunnelQueries.Conversion(users);
            }
        }
    }

    private static DateTime Start(int day) => UtcDays.ToDate(day).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
}
