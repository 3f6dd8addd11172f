using Lodestar.Persistence;

namespace Lodestar.Discovery.Domain.Problems;

/// <summary>
/// A strategy KPI that went off track, and the problem opened for it. One problem per breach: the breach stays open
/// until the KPI leaves off-track, and the next fall opens a new one.
/// </summary>
public sealed class KpiBreach : WorkspaceEntity
{
    public Guid KpiId { get; set; }

    public Guid ProblemId { get; set; }

    public DateTime OpenedAt { get; set; }

    public DateTime? ClosedAt { get; set; }
}
