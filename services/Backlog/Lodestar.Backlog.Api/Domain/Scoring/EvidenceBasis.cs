namespace Lodestar.Backlog.Domain.Scoring;

/// <summary>
/// The customer evidence behind the problems an item solves, summed over those problems (discovery counts each
/// customer once per problem; across problems they add up).
/// </summary>
public sealed record EvidenceBasis(int Problems, int Insights, int Customers, double WeightedScore, DateTime? LatestInsightAt)
{
    public const string ReachFormula = "Reach = Σ distinct customers × users per customer";
    public const string ConfidenceFormula = "Confidence = 100% × (1 − 2^(−evidence score ÷ half score))";

    public static EvidenceBasis None { get; } = new(0, 0, 0, 0, null);

    public bool Any => Problems > 0;

    public double Reach(double usersPerCustomer) => Customers * usersPerCustomer;

    /// <summary>Each <paramref name="halfScore"/> of evidence halves the remaining doubt: 50%, 75%, 87.5%, …</summary>
    public double Confidence(double halfScore) => 100 * (1 - Math.Pow(2, -WeightedScore / halfScore));
}
