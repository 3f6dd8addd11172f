using Lodestar.Backlog.Domain.Scoring;
using Lodestar.Persistence;

namespace Lodestar.Backlog.Domain.Products;

/// <summary>
/// A product as the backlog knows it: name and archive state kept from strategy's ProductChanged (the id is
/// strategy's), plus how the backlog prioritizes it.
/// </summary>
public sealed class BacklogProduct : WorkspaceEntity, IReportedCopy
{
    public const int MaxCriteria = 20;
    public const double DefaultUsersPerCustomer = 1;
    public const double DefaultEvidenceHalfScore = 5;

    public string DisplayName { get; set; } = "";

    public bool Archived { get; set; }

    /// <summary>When strategy last reported the product; an older report never wins.</summary>
    public DateTime ReportedAt { get; set; }

    public Framework RankingFramework { get; set; } = Framework.Rice;

    public bool EvidenceBasedRice { get; set; }

    public double UsersPerCustomer { get; set; } = DefaultUsersPerCustomer;

    public double EvidenceHalfScore { get; set; } = DefaultEvidenceHalfScore;

    public List<Criterion> Criteria { get; set; } = [];

    public double MaintenanceShare { get; set; }

    /// <summary>
    /// Whether strategy has heard of every item of the product through BacklogItemChanged: true for a product the backlog
    /// learns of now (its items are announced as they are saved), false for one from before that event, whose items
    /// the delivery backfill announces once.
    /// </summary>
    public bool DeliveryAnnounced { get; set; } = true;

    public ScoringContext Scoring => new(RankingFramework, EvidenceBasedRice, UsersPerCustomer, EvidenceHalfScore, Criteria);
}
