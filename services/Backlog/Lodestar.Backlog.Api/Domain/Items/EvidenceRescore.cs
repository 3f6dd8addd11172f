namespace Lodestar.Backlog.Domain.Items;

/// <summary>The last time new evidence for a problem changed an item's RICE score.</summary>
public sealed class EvidenceRescore
{
    public Guid ProblemId { get; set; }

    public double? PreviousScore { get; set; }

    public double? Score { get; set; }

    public DateTime At { get; set; }
}
