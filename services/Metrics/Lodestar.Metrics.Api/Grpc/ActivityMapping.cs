using Lodestar.Api;
using Lodestar.Errors;
using Lodestar.Metrics.Domain.Activity;
using V1 = Lodestar.Metrics.V1;

namespace Lodestar.Metrics.Grpc;

/// <summary>Periods and date ranges of activity requests, and the reports' messages.</summary>
public static class ActivityMapping
{
    public static CalendarPeriod? ReadPeriod(Violations violations, V1.Period period, bool allowMonth)
    {
        switch (period)
        {
            case V1.Period.Unspecified or V1.Period.Day:
                return CalendarPeriod.Day;
            case V1.Period.Week:
                return CalendarPeriod.Week;
            case V1.Period.Month when allowMonth:
                return CalendarPeriod.Month;
            case V1.Period.Month:
                violations.Add("period", "Cohorts are days or weeks.");
                return null;
            default:
                violations.Add("period", $"{(int)period} is not a known value.");
                return null;
        }
    }

    /// <summary>Both dates, start before end, spanning at most <paramref name="maxPeriods"/> periods.</summary>
    public static (DateOnly Start, DateOnly End) ReadRange(
        Violations violations, Google.Type.Date? start, Google.Type.Date? end, CalendarPeriod? period, int maxPeriods)
    {
        var from = violations.Read("start_date", start);
        var to = violations.Read("end_date", end);
        if (from is null || to is null) return default;
        if (to < from) violations.Add("end_date", "Must be on or after start_date.");
        else if (period is { } p && PeriodCalendar.Count(p, from.Value, to.Value) > maxPeriods)
            violations.Add("end_date", $"At most {maxPeriods} {p.ToString().ToLowerInvariant()}s from start_date.");
        return (from.Value, to.Value);
    }

    public static V1.Period ToProto(CalendarPeriod period) => period switch
    {
        CalendarPeriod.Week => V1.Period.Week,
        CalendarPeriod.Month => V1.Period.Month,
        _ => V1.Period.Day,
    };

    /// <param name="day">The day's counts.</param>
    /// <param name="today">The running UTC day (day number): it and later days are partial.</param>
    public static V1.DailyActivity ToProto(DailyActivity day, int today) => new()
    {
        Date = Domain.Events.UtcDays.ToDate(day.Day).ToProto(),
        DailyActiveUsers = day.Daily,
        WeeklyActiveUsers = day.Weekly,
        MonthlyActiveUsers = day.Monthly,
        Stickiness = day.Stickiness,
        Partial = day.Day >= today,
    };

    public static V1.Cohort ToProto(CohortRow row) => new()
    {
        StartDate = row.Start.ToProto(),
        Users = row.Users,
        Points =
        {
            row.Cells.Select(cell => new V1.RetentionPoint
            {
                Period = cell.Period,
                UsersOn = cell.UsersOn,
                RateOn = cell.RateOn(row.Users),
                UsersOnOrAfter = cell.UsersOnOrAfter,
                RateOnOrAfter = cell.RateOnOrAfter(row.Users),
                Complete = cell.Complete,
            }),
        },
    };

    public static V1.ChurnPeriod ToProto(ChurnPeriod period) => new()
    {
        StartDate = period.Start.ToProto(),
        EndDate = period.End.ToProto(),
        PreviousActiveUsers = period.PreviousActive,
        RetainedUsers = period.Retained,
        ChurnedUsers = period.Churned,
        ChurnRate = period.Rate,
        ActiveUsers = period.Active,
    };
}
