using Lodestar.Metrics.Domain.Statistics;

namespace Metrics.UnitTests;

/// <summary>The experiment and survey statistics against values worked by hand from the textbook formulas.</summary>
public sealed class StatisticsTests
{
    [Fact]
    public void The_z_test_and_interval_match_the_worked_example()
    {
        // 200/1000 vs 250/1000: pooled p = 0.225, SE = √(0.225·0.775·2/1000) = 0.018675, z = 2.6774, p = 0.00742;
        // unpooled SE = √(0.2·0.8/1000 + 0.25·0.75/1000) = 0.018641, 95 % margin = 0.036537.
        var result = ProportionTest.Compare(new Conversions(1000, 200), new Conversions(1000, 250));

        Assert.Equal(0.05, result.AbsoluteLift, 12);
        Assert.Equal(0.25, result.RelativeLift!.Value, 12);
        Assert.Equal(2.6774, result.Z, 4);
        Assert.Equal(0.00742, result.PValue, 5);
        Assert.Equal(0.05 - 0.036537, result.IntervalLow, 5);
        Assert.Equal(0.05 + 0.036537, result.IntervalHigh, 5);
    }

    [Fact]
    public void A_control_without_conversions_has_no_relative_lift()
    {
        var result = ProportionTest.Compare(new Conversions(100, 0), new Conversions(100, 0));

        Assert.Null(result.RelativeLift);
        Assert.Equal(1, result.PValue);
    }

    [Fact]
    public void Sample_ratio_mismatch_is_flagged_only_below_one_in_a_thousand()
    {
        // 5,100 vs 4,900 planned 50/50: χ² = 2·100²/5,000 = 4, df 1, p = 0.0455. 5,300 vs 4,700: χ² = 36, p ≈ 2e-9.
        var mild = SampleRatioCheck.Of([5100, 4900], [50, 50]);
        var broken = SampleRatioCheck.Of([5300, 4700], [50, 50]);
        var uneven = SampleRatioCheck.Of([2000, 8000], [20, 80]);

        Assert.Equal((4.0, 1), (mild.ChiSquare, mild.DegreesOfFreedom));
        Assert.Equal(0.0455, mild.PValue, 4);
        Assert.False(mild.Mismatch);
        Assert.Equal(36.0, broken.ChiSquare, 9);
        Assert.True(broken.Mismatch);
        Assert.Equal(0, uneven.ChiSquare);
    }

    [Fact]
    public void The_sample_size_for_a_ten_percent_baseline_and_twenty_percent_lift_is_3841_per_variant()
    {
        Assert.Equal(3841, SampleSize.PerVariant(0.10, 0.20, 0.05, 0.8));
        Assert.True(SampleSize.PerVariant(0.10, 0.10, 0.05, 0.8) > 4 * 3841 * 0.9);
        Assert.Throws<ArgumentOutOfRangeException>(() => SampleSize.PerVariant(0.6, 1.0, 0.05, 0.8));
    }

    [Fact]
    public void The_net_promoter_score_and_its_interval_follow_the_three_point_variance()
    {
        // 50 promoters, 30 passives, 20 detractors: NPS 30; Var = 0.5 + 0.2 − 0.3² = 0.61; margin = 196·√(0.61/100) = 15.31.
        var nps = NetPromoterScore.Of([.. Enumerable.Repeat(10, 40), .. Enumerable.Repeat(9, 10), .. Enumerable.Repeat(8, 30), .. Enumerable.Repeat(6, 20)]);

        Assert.Equal((50L, 30L, 20L), (nps.Promoters, nps.Passives, nps.Detractors));
        Assert.Equal(30, nps.Score, 10);
        Assert.Equal(15.31, nps.Margin, 2);
        Assert.Equal(-100, NetPromoterScore.Of([0, 3, 6]).Score);
        Assert.Equal(100.0 * (60 - 20) / 110, nps.Plus(new NetPromoterScore(10, 0, 0)).Score, 10);
    }

    [Fact]
    public void Satisfaction_counts_fours_and_fives()
    {
        var csat = SatisfactionScore.Of([5, 4, 3, 2, 5]);

        Assert.Equal(60, csat.Score, 10);
        Assert.Equal(42.94, csat.Margin, 2); // 196·√(0.6·0.4/5)
    }

    [Fact]
    public void Chance_to_beat_control_is_a_half_for_equal_data_and_near_the_normal_approximation_otherwise()
    {
        Assert.Equal(0.5, BayesianComparison.ChanceToBeatControl(new Conversions(1000, 200), new Conversions(1000, 200)), 3);
        // The z of 2.68 above: Φ(2.68) ≈ 0.9963.
        Assert.Equal(0.9963, BayesianComparison.ChanceToBeatControl(new Conversions(1000, 200), new Conversions(1000, 250)), 2);
        Assert.True(BayesianComparison.ChanceToBeatControl(new Conversions(1000, 250), new Conversions(1000, 200)) < 0.01);
    }

    [Fact]
    public void The_sequential_p_value_is_one_without_a_difference_and_its_interval_is_wider_than_the_fixed_one()
    {
        var same = SequentialTest.Evaluate(new Conversions(5000, 500), new Conversions(5000, 500), 0.01 * 0.01);
        var control = new Conversions(20000, 2000);
        var variant = new Conversions(20000, 2300);
        var sequential = SequentialTest.Evaluate(control, variant, 0.01 * 0.01);
        var fixedHorizon = ProportionTest.Compare(control, variant);

        Assert.Equal(1, same.PValue);
        Assert.True(sequential.Significant(0.05));
        Assert.True(sequential.PValue > fixedHorizon.PValue);
        Assert.True(sequential.IntervalLow < fixedHorizon.IntervalLow && sequential.IntervalHigh > fixedHorizon.IntervalHigh);
    }
}
