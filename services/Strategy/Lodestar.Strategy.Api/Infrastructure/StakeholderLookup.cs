using Lodestar.Errors;
using Lodestar.Strategy.Domain.Stakeholders;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Strategy.Infrastructure;

/// <summary>Stakeholders a decision names.</summary>
public static class StakeholderLookup
{
    /// <summary>Links the stakeholders the decision informed; NOT_FOUND names the first unknown one.</summary>
    public static async Task LinkInformedStakeholdersAsync(this StrategyDbContext db, Decision decision, List<(string Name, Guid Id)> informed, CancellationToken cancellationToken)
    {
        var ids = informed.Select(s => s.Id).Distinct().ToList();
        var known = await db.Stakeholders.Where(s => ids.Contains(s.Id)).Select(s => s.Id).ToListAsync(cancellationToken);
        if (informed.FirstOrDefault(s => !known.Contains(s.Id)) is { Name: not null } missing)
            throw new NotFoundException("Stakeholder", missing.Name);
        decision.InformedStakeholders = ids;
    }
}
