namespace Lodestar.Backlog.Domain.Sprints;

/// <summary>
/// Replays a sprint day by day: scope is the points of items in the sprint at the end of the day, completed those of
/// items finished by then, remaining the difference; the ideal line falls evenly from the start scope to 0.
/// </summary>
public static class Burndown
{
    /// <param name="sprint">The sprint, for its dates.</param>
    /// <param name="items">The sprint's item history with each item's finish time (done or shipped), if finished.</param>
    /// <param name="today">Days after it have no remaining points yet.</param>
    public static IReadOnlyList<BurndownDay> Of(Sprint sprint, IReadOnlyList<(SprintItem Item, DateTime? FinishedAt)> items, DateOnly today)
    {
        var days = sprint.EndDate.DayNumber - sprint.StartDate.DayNumber + 1;
        var startScope = Scope(items, EndOf(sprint.StartDate));
        var result = new List<BurndownDay>(days);
        for (var d = 0; d < days; d++)
        {
            var date = sprint.StartDate.AddDays(d);
            var end = EndOf(date);
            var scope = Scope(items, end);
            var completed = items.Where(i => InSprint(i.Item, end) && i.FinishedAt is { } f && f < end).Sum(i => i.Item.Points);
            var ideal = days == 1 ? 0 : startScope * (days - 1 - d) / (days - 1);
            result.Add(new BurndownDay(date, scope, completed, date <= today ? scope - completed : null, ideal));
        }
        return result;
    }

    private static DateTime EndOf(DateOnly date) => date.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    private static bool InSprint(SprintItem item, DateTime end) =>
        item.AddedAt < end && (item.RemovedAt is null || item.RemovedAt >= end);

    private static double Scope(IReadOnlyList<(SprintItem Item, DateTime? FinishedAt)> items, DateTime end) =>
        items.Where(i => InSprint(i.Item, end)).Sum(i => i.Item.Points);
}
