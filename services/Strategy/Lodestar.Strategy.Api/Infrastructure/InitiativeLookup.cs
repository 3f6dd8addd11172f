using Lodestar.Api;
using Lodestar.Errors;
using Lodestar.Strategy.Domain.Roadmap;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Strategy.Infrastructure;

/// <summary>Initiatives by name, the goals they may link, and what backlog reported of their delivery.</summary>
public static class InitiativeLookup
{
    public const int VelocitySprints = 3;

    public static async Task<Initiative> FindInitiativeAsync(this StrategyDbContext db, string name, string field, CancellationToken cancellationToken)
    {
        var id = ResourceNames.ParseId(name, StrategyNames.Initiatives, field);
        return await db.Initiatives.FirstOrDefaultAsync(i => i.Id == id, cancellationToken) ?? throw new NotFoundException("Initiative", name);
    }

    /// <summary>Links the goals, each of which must be a goal of the initiative's product (NOT_FOUND names the first that is not).</summary>
    public static async Task LinkGoalsAsync(this StrategyDbContext db, Initiative initiative, List<(string Name, Guid Id)> goals, CancellationToken cancellationToken)
    {
        var ids = goals.Select(g => g.Id).Distinct().ToList();
        var known = await db.Goals.Where(g => ids.Contains(g.Id) && g.ProductId == initiative.ProductId).Select(g => g.Id).ToListAsync(cancellationToken);
        if (goals.FirstOrDefault(g => !known.Contains(g.Id)) is { Name: not null } missing)
            throw new NotFoundException("Goal", missing.Name);
        initiative.GoalIds = ids;
    }

    /// <summary>What the backlog reported of the items around the initiatives: those it links to them, those linked here.</summary>
    public static async Task<Delivery> DeliveryOfAsync(this StrategyDbContext db, IReadOnlyCollection<Initiative> initiatives, CancellationToken cancellationToken)
    {
        if (initiatives.Count == 0) return Delivery.None;
        var products = initiatives.Select(i => i.ProductId).Distinct().ToList();
        var linkedHere = initiatives.SelectMany(i => i.BacklogItemIds).Distinct().ToList();
        var known = await db.DeliveryItems.AsNoTracking()
            .Where(d => (products.Contains(d.ProductId) && d.InitiativeIds.Count > 0) || linkedHere.Contains(d.ItemId))
            .ToDictionaryAsync(d => d.ItemId, cancellationToken);
        var items = linkedHere.Concat(known.Keys).Distinct().ToList();
        var shipped = (await db.ShippedItems.Where(s => items.Contains(s.ItemId)).Select(s => s.ItemId).ToListAsync(cancellationToken)).ToHashSet();
        return new Delivery(known, shipped);
    }

    /// <summary>Mean completed points of the product's last <see cref="VelocitySprints"/> sprints as backlog reported them, and how many there were.</summary>
    public static async Task<(double Velocity, int Sprints)> RecentVelocityAsync(this StrategyDbContext db, Guid productId, CancellationToken cancellationToken)
    {
        var sprints = await db.SprintRecords.AsNoTracking().Where(s => s.ProductId == productId)
            .OrderByDescending(s => s.CompletedAt).Take(VelocitySprints).Select(s => s.CompletedPoints).ToListAsync(cancellationToken);
        return (sprints.Count == 0 ? 0 : sprints.Average(), sprints.Count);
    }
}
