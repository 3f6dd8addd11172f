using Grpc.Core;
using Lodestar.Errors;
using Lodestar.Metrics.Domain.Activity;
using Lodestar.Metrics.Domain.Events;
using Lodestar.Metrics.Infrastructure;
using Lodestar.Metrics.Infrastructure.Aggregates;
using V1 = Lodestar.Metrics.V1;

namespace Lodestar.Metrics.Grpc;

/// <summary>lodestar.metrics.v1.ActivityService: active users, retention and churn from the Redis aggregates.</summary>
public sealed class ActivityGrpcService(MetricsDbContext db, AggregateReader reader, AggregateRebuilder rebuilder, TimeProvider clock)
    : V1.ActivityService.ActivityServiceBase
{
    private const int MaxDays = 366;
    private const int MaxCohortDays = 180;
    private const int MaxCohortWeeks = 52;
    private const int MaxPeriodsAhead = 90;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public override async Task<V1.ActivityReport> GetActivity(V1.GetActivityRequest request, ServerCallContext context)
    {
        var product = await db.FindProductAsync(request.Product, "product", context.CancellationToken);
        var violations = new Violations();
        var (start, end) = ActivityMapping.ReadRange(violations, request.StartDate, request.EndDate, CalendarPeriod.Day, MaxDays);
        var byEvent = !string.IsNullOrEmpty(request.EventName);
        if (byEvent && !EventRules.IsEventName(request.EventName)) violations.Add("event_name", "Not an event name.");
        violations.ThrowIfAny();
        await rebuilder.EnsureCurrentAsync(product, context.CancellationToken);

        var (startDay, endDay) = (UtcDays.Of(start), UtcDays.Of(end));
        IReadOnlyList<DailyActivity> series;
        if (byEvent)
        {
            series = await reader.EventActivityAsync(product.Id, request.EventName, new DayRange(startDay, endDay));
        }
        else
        {
            var sets = await reader.ActiveDailyAsync(product.Id, new DayRange(ActivityCalculator.FirstDayNeeded(startDay), endDay));
            series = ActivityCalculator.Series(sets, startDay, endDay);
        }
        var today = UtcDays.Of(Today);
        return new V1.ActivityReport { Days = { series.Select(d => ActivityMapping.ToProto(d, today)) }, Estimated = byEvent };
    }

    public override async Task<V1.RetentionReport> GetRetention(V1.GetRetentionRequest request, ServerCallContext context)
    {
        var product = await db.FindProductAsync(request.Product, "product", context.CancellationToken);
        var violations = new Violations();
        var period = ActivityMapping.ReadPeriod(violations, request.Period, allowMonth: false);
        var (start, end) = ActivityMapping.ReadRange(violations, request.StartDate, request.EndDate, period,
            period == CalendarPeriod.Week ? MaxCohortWeeks : MaxCohortDays);
        if (request.Periods is < 0 or > MaxPeriodsAhead) violations.Add("periods", $"0–{MaxPeriodsAhead}.");
        violations.ThrowIfAny();
        await rebuilder.EnsureCurrentAsync(product, context.CancellationToken);

        var unit = period!.Value;
        var k = request.Periods > 0 ? request.Periods : unit == CalendarPeriod.Week ? 12 : 30;
        var cohortCount = PeriodCalendar.Count(unit, start, end);
        var starts = Starts(unit, PeriodCalendar.StartOf(unit, start), cohortCount + k);
        var ranges = Ranges(unit, starts);
        var lastEnd = PeriodCalendar.EndOf(unit, starts[^1]);
        var tail = new DayRange(UtcDays.Of(lastEnd) + 1, UtcDays.Of(Today));
        var active = await reader.ActiveAsync(product.Id, [.. ranges, tail]);
        var cohorts = await reader.FirstSeenAsync(product.Id, ranges.Take(cohortCount).ToList());
        var rows = RetentionCalculator.Matrix(starts, cohorts, active.Take(ranges.Count).ToList(), active[^1], k, unit, Today);
        return new V1.RetentionReport { Cohorts = { rows.Select(ActivityMapping.ToProto) }, Period = ActivityMapping.ToProto(unit) };
    }

    public override async Task<V1.ChurnReport> GetChurn(V1.GetChurnRequest request, ServerCallContext context)
    {
        var product = await db.FindProductAsync(request.Product, "product", context.CancellationToken);
        var violations = new Violations();
        var period = ActivityMapping.ReadPeriod(violations, request.Period, allowMonth: true);
        var (start, end) = ActivityMapping.ReadRange(violations, request.StartDate, request.EndDate, period, MaxDays);
        violations.ThrowIfAny();
        await rebuilder.EnsureCurrentAsync(product, context.CancellationToken);

        var unit = period!.Value;
        var first = PeriodCalendar.StartOf(unit, start);
        var starts = Starts(unit, PeriodCalendar.Shift(unit, first, -1), PeriodCalendar.Count(unit, start, end) + 1);
        var active = await reader.ActiveAsync(product.Id, Ranges(unit, starts));
        return new V1.ChurnReport { Periods = { ChurnCalculator.Series(starts, active, unit).Select(ActivityMapping.ToProto) } };
    }

    private static List<DateOnly> Starts(CalendarPeriod unit, DateOnly first, int count) =>
        Enumerable.Range(0, count).Select(i => PeriodCalendar.Shift(unit, first, i)).ToList();

    /// <summary>The days of each period, cut at today: later days have no activity to read.</summary>
    private List<DayRange> Ranges(CalendarPeriod unit, IEnumerable<DateOnly> starts) =>
        starts.Select(s => new DayRange(UtcDays.Of(s), Math.Min(UtcDays.Of(PeriodCalendar.EndOf(unit, s)), UtcDays.Of(Today)))).ToList();
}
