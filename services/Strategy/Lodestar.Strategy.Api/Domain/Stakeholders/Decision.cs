using Lodestar.Persistence;

namespace Lodestar.Strategy.Domain.Stakeholders;

/// <summary>An entry of the decision log.</summary>
public sealed class Decision : WorkspaceEntity
{
    public const int MaxTitle = 200;
    public const int MaxContext = 4_000;
    public const int MaxOptions = 20;
    public const int MaxOption = 500;
    public const int MaxOutcome = 2_000;
    public const int MaxRationale = 4_000;
    public const int MaxInformed = 100;

    public Guid? ProductId { get; set; }

    public string Title { get; set; } = "";

    public string Context { get; set; } = "";

    public List<string> OptionsConsidered { get; set; } = [];

    public string Outcome { get; set; } = "";

    public string Rationale { get; set; } = "";

    public DateOnly DecideDate { get; set; }

    /// <summary>Stakeholder ids; kept when a stakeholder is later deleted, as a record of who was told.</summary>
    public List<Guid> InformedStakeholders { get; set; } = [];
}
