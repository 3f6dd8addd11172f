using BacklogV1 = Lodestar.Backlog.V1;

namespace Lodestar.AppHost.Seeding;

/// <summary>What the demo's backlog part created: the items, the shipped ones and how many sprints.</summary>
public sealed record BacklogSeed(IReadOnlyList<BacklogV1.BacklogItem> Items, IReadOnlyList<BacklogV1.BacklogItem> Shipped, int SprintCount)
{
    /// <summary>The first open item that solves <paramref name="problem"/>, or null.</summary>
    public string? SolutionOf(string problem) =>
        Items.FirstOrDefault(i => i.Problems.Contains(problem) && Shipped.All(s => s.Name != i.Name))?.Name;
}
