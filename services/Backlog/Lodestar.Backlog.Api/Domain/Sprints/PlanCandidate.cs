using Lodestar.Backlog.Domain.Items;

namespace Lodestar.Backlog.Domain.Sprints;

/// <summary>An open item of the ranked backlog that planning may commit.</summary>
public sealed record PlanCandidate(Guid Id, string Title, ItemType Type, double? Points, IReadOnlyList<Guid> BlockedBy)
{
    public bool IsMaintenance => Type is ItemType.Bug or ItemType.TechDebt;
}
