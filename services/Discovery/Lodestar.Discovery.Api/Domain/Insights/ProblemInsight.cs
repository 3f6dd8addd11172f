using Lodestar.Persistence;

namespace Lodestar.Discovery.Domain.Insights;

/// <summary>An insight supporting a problem.</summary>
public sealed class ProblemInsight : WorkspaceEntity
{
    public Guid ProblemId { get; set; }

    public Guid InsightId { get; set; }
}
