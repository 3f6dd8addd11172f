using Lodestar.Persistence;

namespace Lodestar.Strategy.Domain.Stakeholders;

/// <summary>A person a product team works with, and what they ask for.</summary>
public sealed class Stakeholder : WorkspaceEntity
{
    public const int MaxName = 120;
    public const int MaxAsks = 20;
    public const int MaxAsk = 500;

    public string DisplayName { get; set; } = "";

    public StakeholderFunction Function { get; set; }

    public string Title { get; set; } = "";

    public Guid? ProductId { get; set; }

    public List<string> Asks { get; set; } = [];
}
