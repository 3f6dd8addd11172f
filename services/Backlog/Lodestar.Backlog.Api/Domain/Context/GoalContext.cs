using Lodestar.Persistence;

namespace Lodestar.Backlog.Domain.Context;

/// <summary>A strategy goal (the id is strategy's) as items that serve it show it, from GoalChanged.</summary>
public sealed class GoalContext : WorkspaceEntity, IReportedCopy
{
    public Guid ProductId { get; set; }

    public string Title { get; set; } = "";

    public string Status { get; set; } = "";

    public DateTime ReportedAt { get; set; }
}
