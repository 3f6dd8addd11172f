namespace Lodestar.Metrics.Domain.Funnels;

/// <summary>
/// How far each user got through a funnel: an entry is an occurrence of the first step in the entry range; later steps
/// must follow in order (each at or after the previous one) within the window from the entry. A user counts once, with
/// the deepest of their entries.
/// </summary>
public static class FunnelCalculator
{
    /// <param name="events">The steps' events, ordered by user, then time.</param>
    /// <param name="steps">The step event names, in order.</param>
    /// <param name="window">How long after the entry the last step may come.</param>
    /// <param name="entryFrom">Entries from this time…</param>
    /// <param name="entryUntil">…until before this time.</param>
    /// <returns>Users who reached each step.</returns>
    public static long[] UsersPerStep(IEnumerable<FunnelEvent> events, IReadOnlyList<string> steps, TimeSpan window, DateTime entryFrom, DateTime entryUntil)
    {
        var reached = new long[steps.Count];
        var current = new List<FunnelEvent>();
        foreach (var e in events)
        {
            if (current.Count > 0 && current[0].UserIndex != e.UserIndex)
            {
                Count(current, steps, window, entryFrom, entryUntil, reached);
                current.Clear();
            }
            current.Add(e);
        }
        if (current.Count > 0) Count(current, steps, window, entryFrom, entryUntil, reached);
        return reached;
    }

    private static void Count(List<FunnelEvent> user, IReadOnlyList<string> steps, TimeSpan window, DateTime entryFrom, DateTime entryUntil, long[] reached)
    {
        var best = 0;
        for (var i = 0; i < user.Count && best < steps.Count; i++)
        {
            var entry = user[i];
            if (entry.EventName != steps[0] || entry.Time < entryFrom || entry.Time >= entryUntil) continue;
            best = Math.Max(best, Depth(user, i, steps, entry.Time + window));
        }
        for (var s = 0; s < best; s++) reached[s]++;
    }

    private static int Depth(List<FunnelEvent> user, int entry, IReadOnlyList<string> steps, DateTime deadline)
    {
        var depth = 1;
        var at = entry + 1;
        for (var step = 1; step < steps.Count; step++)
        {
            while (at < user.Count && user[at].Time <= deadline && user[at].EventName != steps[step]) at++;
            if (at >= user.Count || user[at].Time > deadline) break;
            depth++;
            at++;
        }
        return depth;
    }
}
