using Lodestar.Persistence;

namespace Lodestar.Strategy.Domain.Competitors;

/// <summary>A competitor of a product, and how the product differs from it.</summary>
public sealed class Competitor : WorkspaceEntity
{
    public const int MaxDisplayName = 120;
    public const int MaxText = 300;
    public const int MaxEntries = 20;
    public const int MaxDifferentiation = 2_000;

    public Guid ProductId { get; set; }

    public string DisplayName { get; set; } = "";

    public string Segment { get; set; } = "";

    public List<string> Strengths { get; set; } = [];

    public List<string> Weaknesses { get; set; } = [];

    public string Differentiation { get; set; } = "";
}
