using Lodestar.Backlog.Domain.Products;
using Lodestar.Backlog.Domain.Scoring;
using Lodestar.Errors;

namespace Backlog.UnitTests;

/// <summary>Each framework against values worked out by hand.</summary>
public sealed class FrameworkTests
{
    private static readonly ScoringContext Rice = new(Framework.Rice, false, 1, 5, []);

    [Fact]
    public void Rice_is_reach_times_impact_times_confidence_over_effort()
    {
        // 1,200 people × 2 (high) × 80% ÷ 3 person-months = 640.
        Assert.Equal(640, new RiceInputs(1200, 2, 80, 3).Score(ItemScorer.Typed), 9);
        Assert.Equal(12.5, new RiceInputs(500, 0.25, 50, 5).Score(ItemScorer.Typed), 9);
    }

    [Fact]
    public void Ice_multiplies_its_three_scores() => Assert.Equal(8 * 6 * 9, new IceInputs(8, 6, 9).Score(ItemScorer.Typed));

    [Fact]
    public void Wsjf_divides_cost_of_delay_by_job_size()
    {
        var wsjf = new WsjfInputs(8, 5, 3, 4);
        Assert.Equal(16, wsjf.CostOfDelay(ItemScorer.Typed));
        Assert.Equal(4, wsjf.Score(ItemScorer.Typed));
    }

    [Theory]
    [InlineData(9, 2, ValueEffortQuadrant.QuickWin)]
    [InlineData(6, 6, ValueEffortQuadrant.BigBet)]
    [InlineData(5, 5, ValueEffortQuadrant.FillIn)]
    [InlineData(2, 8, ValueEffortQuadrant.MoneyPit)]
    public void Value_and_effort_above_five_are_high(double value, double effort, ValueEffortQuadrant quadrant) =>
        Assert.Equal(quadrant, new ValueEffortInputs(value, effort).Quadrant);

    [Fact]
    public void Value_effort_ranks_by_quadrant_before_ratio()
    {
        // A fill-in with a better ratio (3 ÷ 1) still ranks below a big bet (9 ÷ 8).
        var bigBet = new ValueEffortInputs(9, 8).RankingKey(ItemScorer.Typed);
        var fillIn = new ValueEffortInputs(3, 1).RankingKey(ItemScorer.Typed);
        Assert.True(bigBet > fillIn);
        Assert.Equal(3, new ValueEffortInputs(3, 1).Ratio);
    }

    [Fact]
    public void Moscow_ranks_must_should_could_wont()
    {
        var keys = Enum.GetValues<MoscowPriority>().Select(p => new MoscowInputs(p, "").RankingKey).ToList();
        Assert.Equal(keys.OrderDescending(), keys);
    }

    [Fact]
    public void Weighted_score_is_the_weighted_mean_and_missing_criteria_count_as_zero()
    {
        IReadOnlyList<Criterion> criteria = [new("revenue", "Revenue", 3, ""), new("strategic_fit", "Strategic fit", 2, ""), new("risk", "Risk", 1, "")];
        // (3 × 8 + 2 × 5 + 1 × 2) ÷ 6 = 36 ÷ 6 = 6.
        Assert.Equal(6, WeightedModel.Score(criteria, new Dictionary<string, double> { ["revenue"] = 8, ["strategic_fit"] = 5, ["risk"] = 2 }, ItemScorer.Typed));
        // (3 × 8) ÷ 6 = 4.
        Assert.Equal(4, WeightedModel.Score(criteria, new Dictionary<string, double> { ["revenue"] = 8 }, ItemScorer.Typed));
        Assert.Null(WeightedModel.Score(criteria, new Dictionary<string, double>(), ItemScorer.Typed));
        Assert.Null(WeightedModel.Score([], new Dictionary<string, double> { ["revenue"] = 8 }, ItemScorer.Typed));
    }

    [Fact]
    public void Evidence_gives_rice_reach_and_confidence_when_the_product_opts_in()
    {
        var inputs = new PriorityInputs { Rice = new RiceInputs(100, 2, 50, 2) };
        var evidence = new EvidenceBasis(2, 30, 12, 10, null);
        // Opted out: typed values, 100 × 2 × 50% ÷ 2 = 50.
        Assert.Equal(50, ItemScorer.Score(inputs, Rice, evidence).Rice);
        // Opted in: reach 12 customers × 10 users = 120; confidence 100% × (1 − 2^(−10 ÷ 5)) = 75%; 120 × 2 × 0.75 ÷ 2 = 90.
        var optedIn = Rice with { EvidenceBasedRice = true, UsersPerCustomer = 10 };
        Assert.Equal(90, ItemScorer.Score(inputs, optedIn, evidence).Rice!.Value, 9);
        // Opted in without evidence: typed values again.
        Assert.Equal(50, ItemScorer.Score(inputs, optedIn, EvidenceBasis.None).Rice);
    }

    [Fact]
    public void The_ranking_score_follows_the_products_framework()
    {
        var inputs = new PriorityInputs { Rice = new RiceInputs(1200, 2, 80, 3), Ice = new IceInputs(2, 3, 4) };
        Assert.Equal(640, ItemScorer.Score(inputs, Rice, EvidenceBasis.None).RankingScore!.Value, 9);
        Assert.Equal(24, ItemScorer.Score(inputs, Rice with { RankingFramework = Framework.Ice }, EvidenceBasis.None).RankingScore);
        Assert.Null(ItemScorer.Score(inputs, Rice with { RankingFramework = Framework.Wsjf }, EvidenceBasis.None).RankingScore);
    }

    [Fact]
    public void Out_of_scale_inputs_name_each_field()
    {
        var violations = new Violations();
        RiceInputs.Validate(violations, "rice", new RiceInputs(-1, 1.5, 101, 0));
        IceInputs.Validate(violations, "ice", new IceInputs(0, 11, double.NaN));
        WsjfInputs.Validate(violations, "wsjf", new WsjfInputs(101, 1, 1, 0));
        var error = Assert.Throws<ValidationException>(violations.ThrowIfAny);
        Assert.Equal(
            ["ice.confidence", "ice.ease", "ice.impact", "rice.confidence", "rice.effort", "rice.impact", "rice.reach", "wsjf.job_size", "wsjf.user_business_value"],
            error.Violations.Select(v => v.Field).Order());
    }

    [Fact]
    public void Explanations_show_inputs_formula_and_numbers()
    {
        var inputs = new PriorityInputs { Rice = new RiceInputs(1200, 2, 80, 3) };
        var explanation = ScoreExplainer.Explain(Framework.Rice, inputs, Rice, EvidenceBasis.None);
        Assert.Equal(RiceInputs.Formula, explanation.Formula);
        Assert.Equal("1,200 × 2 × 80% ÷ 3 = 640", explanation.Calculation);
        Assert.Equal(["reach", "impact", "confidence", "effort"], explanation.Inputs.Select(i => i.Name));
        Assert.All(explanation.Inputs, i => Assert.Equal("typed", i.Source));

        var evidenced = ScoreExplainer.Explain(Framework.Rice, inputs, Rice with { EvidenceBasedRice = true }, new EvidenceBasis(1, 4, 3, 5, null));
        Assert.Equal(("evidence", 3d), (evidenced.Inputs[0].Source, evidenced.Inputs[0].Value));
        Assert.Equal(("evidence", 50d), (evidenced.Inputs[2].Source, evidenced.Inputs[2].Value));
        Assert.Contains("3 distinct customers across 1 problems", evidenced.Inputs[0].Detail, StringComparison.Ordinal);

        var unscored = ScoreExplainer.Explain(Framework.Wsjf, inputs, Rice, EvidenceBasis.None);
        Assert.Null(unscored.Result);
        Assert.NotEmpty(unscored.Missing);
    }
}
