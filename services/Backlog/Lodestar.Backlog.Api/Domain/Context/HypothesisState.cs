using Lodestar.Persistence;

namespace Lodestar.Backlog.Domain.Context;

/// <summary>The latest status of a discovery hypothesis (the id is discovery's), from HypothesisStatusChanged.</summary>
public sealed class HypothesisState : WorkspaceEntity, IReportedCopy
{
    public const string Invalidated = "invalidated";

    public string Status { get; set; } = "";

    public DateTime ReportedAt { get; set; }
}
