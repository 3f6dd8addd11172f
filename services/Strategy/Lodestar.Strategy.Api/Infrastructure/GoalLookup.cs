using Lodestar.Api;
using Lodestar.Errors;
using Lodestar.Strategy.Domain.Goals;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Strategy.Infrastructure;

/// <summary>Goals and key results by name, and what a goal's view reads besides the goal.</summary>
public static class GoalLookup
{
    public static async Task<Goal> FindGoalAsync(this StrategyDbContext db, string name, string field, CancellationToken cancellationToken)
    {
        var id = ResourceNames.ParseId(name, StrategyNames.Goals, field);
        return await db.Goals.FirstOrDefaultAsync(g => g.Id == id, cancellationToken) ?? throw new NotFoundException("Goal", name);
    }

    /// <summary>The key result "goals/{goal}/keyResults/{id}" names, only under the goal it names.</summary>
    public static async Task<KeyResult> FindKeyResultAsync(this StrategyDbContext db, string name, string field, CancellationToken cancellationToken)
    {
        var (goalId, id) = ResourceNames.ParseChildId(name, StrategyNames.Goals, StrategyNames.KeyResults, field);
        return await db.KeyResults.FirstOrDefaultAsync(k => k.Id == id && k.GoalId == goalId, cancellationToken)
            ?? throw new NotFoundException("KeyResult", name);
    }

    public static async Task<List<KeyResult>> KeyResultsOfAsync(this StrategyDbContext db, IReadOnlyCollection<Guid> goalIds, CancellationToken cancellationToken) =>
        await db.KeyResults.AsNoTracking().Where(k => goalIds.Contains(k.GoalId)).ToListAsync(cancellationToken);

    /// <summary>What discovery last reported of the hypotheses the goals link.</summary>
    public static async Task<List<HypothesisState>> HypothesesOfAsync(this StrategyDbContext db, IReadOnlyCollection<Goal> goals, CancellationToken cancellationToken)
    {
        var ids = goals.SelectMany(g => g.HypothesisIds).Distinct().ToList();
        return ids.Count == 0 ? [] : await db.HypothesisStates.AsNoTracking().Where(h => ids.Contains(h.HypothesisId)).ToListAsync(cancellationToken);
    }
}
