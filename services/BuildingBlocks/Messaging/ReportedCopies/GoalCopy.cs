using Lodestar.Persistence;

namespace Lodestar.Messaging.ReportedCopies;

/// <summary>
/// A strategy goal (the id is strategy's) as another service shows it (Backlog on the items that serve it, Discovery in
/// the opportunity tree), kept from GoalChanged by <see cref="GoalCopyConsumer{TContext}"/>.
/// </summary>
public sealed class GoalCopy : WorkspaceEntity, IReportedCopy
{
    public const int MaxTitle = 300;
    public const int MaxStatus = 40;

    public Guid ProductId { get; set; }

    public string Title { get; set; } = "";

    public string Status { get; set; } = "";

    public DateTime ReportedAt { get; set; }
}
