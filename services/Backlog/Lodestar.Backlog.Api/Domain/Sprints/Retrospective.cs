namespace Lodestar.Backlog.Domain.Sprints;

/// <summary>What went well, what to improve, and the actions agreed.</summary>
public sealed class Retrospective
{
    public const int MaxEntries = 50;
    public const int MaxText = 500;

    public List<string> WentWell { get; set; } = [];

    public List<string> ToImprove { get; set; } = [];

    public List<RetrospectiveAction> Actions { get; set; } = [];
}
