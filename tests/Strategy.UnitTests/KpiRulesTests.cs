using Lodestar.Strategy.Domain.Kpis;

namespace Strategy.UnitTests;

public sealed class KpiRulesTests
{
    [Theory]
    [InlineData(1000, KpiStatus.OnTrack)]
    [InlineData(1200, KpiStatus.OnTrack)]
    [InlineData(999.99, KpiStatus.AtRisk)]
    [InlineData(900, KpiStatus.AtRisk)]
    [InlineData(899.99, KpiStatus.OffTrack)]
    [InlineData(-5, KpiStatus.OffTrack)]
    public void Up_means_higher_is_better(double value, KpiStatus status) =>
        Assert.Equal(status, KpiRules.StatusOf(KpiDirection.Up, 1000, 100, value));

    [Theory]
    [InlineData(0.05, KpiStatus.OnTrack)]
    [InlineData(0.01, KpiStatus.OnTrack)]
    [InlineData(0.055, KpiStatus.AtRisk)]
    [InlineData(0.06, KpiStatus.AtRisk)]
    [InlineData(0.0601, KpiStatus.OffTrack)]
    public void Down_means_lower_is_better(double value, KpiStatus status) =>
        Assert.Equal(status, KpiRules.StatusOf(KpiDirection.Down, 0.05, 0.01, value));

    [Fact]
    public void A_zero_band_has_no_at_risk_zone()
    {
        Assert.Equal(KpiStatus.OnTrack, KpiRules.StatusOf(KpiDirection.Up, 10, 0, 10));
        Assert.Equal(KpiStatus.OffTrack, KpiRules.StatusOf(KpiDirection.Up, 10, 0, 9.999));
    }

    [Fact]
    public void No_value_is_no_data() => Assert.Equal(KpiStatus.NoData, KpiRules.StatusOf(KpiDirection.Up, 10, 1, null));

    [Fact]
    public void An_earlier_days_value_joins_the_history_without_replacing_the_latest_days()
    {
        var kpi = new Kpi { MetricKey = "dau", Direction = KpiDirection.Up, Target = 100, AtRiskBand = 10 };
        var now = DateTime.UtcNow;
        var day = new DateOnly(2026, 12, 5);
        kpi.Record(120, day, now);
        var late = kpi.Record(50, day.AddDays(-1), now.AddHours(1));
        Assert.Equal((120d, day, KpiStatus.OnTrack), (kpi.LatestValue!.Value, kpi.LatestValueDate, kpi.Status));
        Assert.Equal((KpiStatus.OffTrack, day.AddDays(-1)), (late.Status, late.Date));
    }

    [Theory]
    [InlineData(KpiDirection.Up, 120, "dau was 120 on 2026-12-05: at or above the target 100.")]
    [InlineData(KpiDirection.Up, 95, "dau was 95 on 2026-12-05: below the target 100, within the at-risk band of 10.")]
    [InlineData(KpiDirection.Up, 1234.5, "dau was 1,234.5 on 2026-12-05: at or above the target 100.")]
    [InlineData(KpiDirection.Up, 80, "dau was 80 on 2026-12-05: below the target 100 by more than the at-risk band of 10.")]
    [InlineData(KpiDirection.Down, 80, "dau was 80 on 2026-12-05: at or below the target 100.")]
    [InlineData(KpiDirection.Down, 111, "dau was 111 on 2026-12-05: above the target 100 by more than the at-risk band of 10.")]
    public void A_status_says_the_value_its_day_and_the_threshold(KpiDirection direction, double value, string reason)
    {
        var kpi = new Kpi { MetricKey = "dau", Direction = direction, Target = 100, AtRiskBand = 10 };
        kpi.Record(value, new DateOnly(2026, 12, 5), DateTime.UtcNow);
        Assert.Equal((reason, new DateOnly(2026, 12, 5)), (kpi.StatusReason, kpi.StatusDate));
    }

    [Fact]
    public void A_status_is_announced_once_when_it_differs_from_the_last_announced()
    {
        var kpi = new Kpi { MetricKey = "dau", Direction = KpiDirection.Up, Target = 100, AtRiskBand = 10 };
        var day = new DateOnly(2026, 12, 5);
        kpi.Record(50, day.AddDays(-2), DateTime.UtcNow); // history: off track, not announced by the caller
        kpi.Record(120, day.AddDays(-1), DateTime.UtcNow);
        Assert.True(kpi.Announce(out var previous));
        Assert.Equal((KpiStatus.NoData, KpiStatus.OnTrack), (previous, kpi.AnnouncedStatus));
        kpi.Record(130, day, DateTime.UtcNow);
        Assert.False(kpi.Announce(out _));
    }
}
