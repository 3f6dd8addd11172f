using Lodestar.Discovery.Domain.Problems;

namespace Discovery.UnitTests;

public sealed class EvidenceCalculatorTests
{
    private static readonly DateTime Now = new(2027, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    private static EvidenceSample Sample(string account, int importance, int daysAgo, Guid? persona = null, double? satisfaction = null) =>
        new(Guid.NewGuid(), account, persona, importance, satisfaction, Now.AddDays(-daysAgo));

    [Fact]
    public void Each_customer_counts_once_with_their_latest_importance()
    {
        var persona = Guid.NewGuid();
        var summary = EvidenceCalculator.Summarize(
        [
            Sample("acme", 3, 10, persona), Sample("acme", 1, 0, persona), // latest: importance 1, today
            Sample("globex", 2, 0),
        ], Now);
        Assert.Equal((3, 2, 1), (summary.InsightCount, summary.DistinctCustomers, summary.DistinctPersonas));
        Assert.Equal(1 + 2, summary.WeightedScore, 9);
        Assert.Equal(1.5, summary.AverageImportance, 9);
        Assert.Equal(Now, summary.LatestInsightAt);
    }

    [Fact]
    public void Evidence_halves_every_ninety_days()
    {
        Assert.Equal(3, EvidenceCalculator.Summarize([Sample("a", 3, 0)], Now).WeightedScore, 9);
        Assert.Equal(1.5, EvidenceCalculator.Summarize([Sample("a", 3, 90)], Now).WeightedScore, 9);
        Assert.Equal(0.75, EvidenceCalculator.Summarize([Sample("a", 3, 180)], Now).WeightedScore, 9);
        Assert.Equal(1, EvidenceCalculator.Decay(Now.AddDays(1), Now));
    }

    [Fact]
    public void Summaries_are_computed_as_of_the_start_of_the_utc_day_whatever_the_hour()
    {
        var evening = new DateTimeOffset(2027, 3, 14, 23, 59, 0, TimeSpan.FromHours(-5));
        Assert.Equal(new DateTime(2027, 3, 15, 0, 0, 0, DateTimeKind.Utc), EvidenceCalculator.AsOf(evening));
        Assert.Equal(DateTimeKind.Utc, EvidenceCalculator.AsOf(evening).Kind);
        Assert.Equal(EvidenceCalculator.AsOf(new DateTimeOffset(2027, 3, 15, 0, 0, 1, TimeSpan.Zero)), EvidenceCalculator.AsOf(evening));
    }

    [Fact]
    public void Insights_without_an_account_count_on_their_own_but_not_as_customers()
    {
        var summary = EvidenceCalculator.Summarize([Sample("", 2, 0), Sample("", 2, 0), Sample("acme", 2, 0)], Now);
        Assert.Equal((3, 1, 6d), (summary.InsightCount, summary.DistinctCustomers, summary.WeightedScore));
    }

    [Fact]
    public void Opportunity_is_importance_times_unmet_satisfaction_where_surveys_give_both()
    {
        var summary = EvidenceCalculator.Summarize(
        [
            Sample("a", 3, 0, satisfaction: 0.2), // 1 × 0.8 = 0.8
            Sample("b", 2, 0, satisfaction: 0.5), // 2/3 × 0.5 = 1/3
            Sample("c", 3, 0), // no survey data
        ], Now);
        Assert.Equal((0.8 + (1d / 3)) / 2, summary.OpportunityScore!.Value, 9);
        Assert.Null(EvidenceCalculator.Summarize([Sample("c", 3, 0)], Now).OpportunityScore);
        Assert.Equal(EvidenceSummary.Empty, EvidenceCalculator.Summarize([], Now));
    }
}
