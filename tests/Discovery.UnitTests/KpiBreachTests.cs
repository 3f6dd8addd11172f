using Lodestar.Discovery.Domain.Insights;
using Lodestar.Discovery.Domain.Problems;

namespace Discovery.UnitTests;

/// <summary>What a KPI's fall opens in discovery, and when the breach closes.</summary>
public sealed class KpiBreachTests
{
    private static readonly DateTime Morning = new(2027, 6, 2, 6, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_fall_opens_a_problem_with_an_analytics_insight_as_its_first_evidence_saying_what_moved_the_kpi()
    {
        var kpi = Guid.NewGuid();
        var product = Guid.NewGuid();
        var fall = new KpiFall(kpi, $"kpis/{kpi:D}", product, "activation", "at-risk", 0.31, new DateOnly(2027, 6, 1),
            "activation 0.31 on 2027-06-01 is below the target 0.4 by more than the band 0.05.", Morning);

        var opening = KpiBreach.Open(fall);

        Assert.Equal(("KPI activation off track", product, (Guid?)kpi, (DateOnly?)new DateOnly(2027, 6, 1)),
            (opening.Problem.Title, opening.Problem.ProductId, opening.Problem.OpenedByKpiId, opening.Problem.OpenedByKpiDate));
        Assert.Equal("activation 0.31 on 2027-06-01 is below the target 0.4 by more than the band 0.05. Was at-risk.", opening.Problem.When);
        Assert.Equal((InsightSource.Analytics, Insight.MaxImportance, Morning, $"kpis/{kpi:D}", (Guid?)product),
            (opening.Insight.Source, opening.Insight.Importance, opening.Insight.CaptureTime, opening.Insight.OriginId, opening.Insight.ProductId));
        Assert.StartsWith("KPI activation went off track on 2027-06-01 (was at-risk): ", opening.Insight.Summary, StringComparison.Ordinal);
        Assert.Equal(["kpi", "activation"], opening.Insight.Tags);
        Assert.Equal((opening.Problem.Id, opening.Insight.Id), (opening.Link.ProblemId, opening.Link.InsightId));
        Assert.Equal((kpi, opening.Problem.Id, Morning, (DateTime?)null), (opening.Breach.KpiId, opening.Breach.ProblemId, opening.Breach.OpenedAt, opening.Breach.ClosedAt));
    }

    [Fact]
    public void Without_a_reason_the_value_says_why_and_long_texts_are_clipped_to_their_limits()
    {
        var key = new string('m', 80);
        var opening = KpiBreach.Open(new KpiFall(Guid.NewGuid(), "kpis/x", Guid.NewGuid(), key, "on-track", null, null, null, Morning));

        Assert.StartsWith($"{key} fell off track (no value).", opening.Problem.When, StringComparison.Ordinal);
        Assert.DoesNotContain(" on ", opening.Insight.Summary[..30], StringComparison.Ordinal);
        Assert.Equal(Insight.MaxTag, opening.Insight.Tags[1].Length);
    }

    [Fact]
    public void A_breach_closes_only_with_a_report_not_older_than_its_opening()
    {
        var breach = new KpiBreach { OpenedAt = Morning };
        breach.CloseAt(Morning.AddMinutes(-1));
        Assert.Null(breach.ClosedAt);
        breach.CloseAt(Morning.AddHours(1));
        Assert.Equal(Morning.AddHours(1), breach.ClosedAt);
    }
}
