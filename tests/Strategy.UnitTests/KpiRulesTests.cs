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
    public void A_late_value_joins_the_history_without_replacing_the_latest()
    {
        var kpi = new Kpi { Direction = KpiDirection.Up, Target = 100, AtRiskBand = 10 };
        var now = DateTime.UtcNow;
        kpi.Record(120, now);
        var late = kpi.Record(50, now.AddHours(-1));
        Assert.Equal((120d, KpiStatus.OnTrack), (kpi.LatestValue!.Value, kpi.Status));
        Assert.Equal(KpiStatus.OffTrack, late.Status);
    }
}
