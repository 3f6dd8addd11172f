using Lodestar.Backlog.Domain.Products;

namespace Lodestar.Backlog.Domain.Scoring;

/// <summary>What a product's settings contribute to scoring its items.</summary>
public sealed record ScoringContext(
    Framework RankingFramework,
    bool EvidenceBasedRice,
    double UsersPerCustomer,
    double EvidenceHalfScore,
    IReadOnlyList<Criterion> Criteria);
