using System.Globalization;
using Lodestar.Backlog.Domain.Items;

namespace Lodestar.Backlog.Domain.Sprints;

/// <summary>
/// Fills a sprint from the top of the ranked backlog. First the maintenance share: bugs and tech debt in rank order
/// until their points reach share × capacity; then everything in rank order while it fits. An item waits for its
/// blockers: each must be finished or in the sprint, so passes repeat until nothing more is added. Epics are never
/// planned themselves; their children are.
/// </summary>
public static class SprintPlanner
{
    /// <param name="ranked">Open items not in any sprint, in rank order.</param>
    /// <param name="capacity">Points the sprint can take in all.</param>
    /// <param name="committedPoints">Points already in the sprint.</param>
    /// <param name="committedMaintenancePoints">Points of bugs and tech debt already in the sprint.</param>
    /// <param name="maintenanceShare">Share of capacity reserved for bugs and tech debt, 0–1.</param>
    /// <param name="settled">Ids of items that no longer block: finished, or already in the sprint.</param>
    public static IReadOnlyList<PlanOutcome> Plan(
        IReadOnlyList<PlanCandidate> ranked, double capacity, double committedPoints, double committedMaintenancePoints,
        double maintenanceShare, IReadOnlySet<Guid> settled)
    {
        var inSprint = new HashSet<Guid>(settled);
        var added = new HashSet<Guid>();
        var maintenanceAdded = new HashSet<Guid>();
        var left = capacity - committedPoints;
        var maintenanceLeft = (maintenanceShare * capacity) - committedMaintenancePoints;

        bool Blocked(PlanCandidate c) => c.BlockedBy.Any(b => !inSprint.Contains(b));

        bool TryAdd(PlanCandidate c, bool maintenance)
        {
            if (added.Contains(c.Id) || c.Type == ItemType.Epic || c.Points is not { } points || points > left || Blocked(c)) return false;
            added.Add(c.Id);
            inSprint.Add(c.Id);
            left -= points;
            if (c.IsMaintenance) maintenanceLeft -= points;
            if (maintenance) maintenanceAdded.Add(c.Id);
            return true;
        }

        // The reserve: bugs and tech debt first, until their share is met.
        for (var progress = true; progress && maintenanceLeft > 0;)
        {
            progress = false;
            foreach (var candidate in ranked.Where(c => c.IsMaintenance))
                if (maintenanceLeft > 0 && TryAdd(candidate, maintenance: true)) progress = true;
        }
        for (var progress = true; progress;)
        {
            progress = false;
            foreach (var candidate in ranked)
                if (TryAdd(candidate, maintenance: false)) progress = true;
        }

        return [.. ranked.Select(c => added.Contains(c.Id)
            ? new PlanOutcome(c, true, maintenanceAdded.Contains(c.Id), null, "")
            : Skip(c, left, inSprint))];
    }

    private static PlanOutcome Skip(PlanCandidate candidate, double left, HashSet<Guid> inSprint)
    {
        if (candidate.Type == ItemType.Epic) return new(candidate, false, false, SkipReason.Epic, "An epic: its children are planned instead.");
        if (candidate.Points is not { } points) return new(candidate, false, false, SkipReason.NotEstimated, "No estimate.");
        var blockers = candidate.BlockedBy.Where(b => !inSprint.Contains(b)).ToList();
        if (blockers.Count > 0)
            return new(candidate, false, false, SkipReason.Blocked, $"Blocked by {string.Join(", ", blockers.Select(b => $"backlogItems/{b}"))}.");
        return new(candidate, false, false, SkipReason.OverCapacity,
            string.Create(CultureInfo.InvariantCulture, $"Needs {points:0.##} points; {Math.Max(left, 0):0.##} left."));
    }
}
