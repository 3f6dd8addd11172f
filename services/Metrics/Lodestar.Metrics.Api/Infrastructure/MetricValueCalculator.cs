using Lodestar.Metrics.Domain.Activity;
using Lodestar.Metrics.Domain.Events;
using Lodestar.Metrics.Domain.Statistics;
using Lodestar.Metrics.Domain.Surveys;
using Lodestar.Metrics.Domain.Values;
using Lodestar.Metrics.Infrastructure.Aggregates;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Metrics.Infrastructure;

/// <summary>Computes every named metric of a product as of a day (see metric_values.proto for the definitions).</summary>
public sealed class MetricValueCalculator(MetricsDbContext db, AggregateReader reader)
{
    private const int SurveyDays = 90;
    private const int ConversionDays = 30;

    public async Task<Dictionary<string, double>> ComputeAsync(Guid productId, DateOnly today, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, double>();
        var day = UtcDays.Of(today);
        var activity = ActivityCalculator.Series(
            await reader.ActiveDailyAsync(productId, new DayRange(ActivityCalculator.FirstDayNeeded(day), day)), day, day)[0];
        foreach (var key in MetricKeys.Daily) values[key] = MetricKeys.Of(activity, key);

        // The latest cohort whose day N has ended, for each N; all cohorts and return days read in two round trips.
        var cohortDays = MetricKeys.RetentionDays.Select(n => day - n - 1).ToList();
        var cohorts = await reader.FirstSeenAsync(productId, [.. cohortDays.Select(c => new DayRange(c, c))]);
        var returns = await reader.ActiveAsync(productId, [.. MetricKeys.RetentionDays.Select((n, i) => new DayRange(cohortDays[i] + n, cohortDays[i] + n))]);
        for (var i = 0; i < cohortDays.Count; i++)
        {
            if (cohorts[i].Count == 0) continue;
            values[MetricKeys.Retention(MetricKeys.RetentionDays[i])] = (double)UserSet.CountIntersection(cohorts[i], returns[i]) / cohorts[i].Count;
        }

        var since = today.AddDays(-(SurveyDays - 1)).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var answers = await db.SurveyAnswers.AsNoTracking()
            .Where(a => a.ProductId == productId && a.RespondedAt >= since)
            .Join(db.Surveys, a => a.SurveyId, s => s.Id, (a, s) => new { s.Kind, a.Score })
            .ToListAsync(cancellationToken);
        var nps = answers.Where(a => a.Kind == SurveyKind.Nps).Select(a => a.Score).ToList();
        var csat = answers.Where(a => a.Kind == SurveyKind.Csat).Select(a => a.Score).ToList();
        if (nps.Count > 0) values[MetricKeys.Nps] = NetPromoterScore.Of(nps).Score;
        if (csat.Count > 0) values[MetricKeys.Csat] = SatisfactionScore.Of(csat).Score;

        foreach (var funnel in await db.Funnels.AsNoTracking().Where(f => f.ProductId == productId).ToListAsync(cancellationToken))
        {
            var users = await db.UsersPerStepAsync(funnel, today.AddDays(-(ConversionDays - 1)), today, cancellationToken);
            if (users[0] > 0) values[funnel.MetricKey] = FunnelQueries.Conversion(users);
        }
        return values;
    }
}
