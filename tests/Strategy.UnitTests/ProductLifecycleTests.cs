using Lodestar.Errors;
using Lodestar.Strategy.Domain.Products;

namespace Strategy.UnitTests;

public sealed class ProductLifecycleTests
{
    private static Product Growing() => new() { DisplayName = "Atlas", Stage = LifecycleStage.Growth };

    [Fact]
    public void A_move_changes_the_stage_and_records_both_ends()
    {
        var product = Growing();
        var review = product.Review(StageDecision.Move, LifecycleStage.Maturity, "flat", ["link"]);
        Assert.Equal(LifecycleStage.Maturity, product.Stage);
        Assert.Equal((LifecycleStage.Growth, LifecycleStage.Maturity, LifecycleStage.Maturity), (review.PreviousStage, review.ResultingStage, review.TargetStage));
        Assert.Equal(product.Id, review.ProductId);
    }

    [Fact]
    public void A_move_needs_a_different_target()
    {
        Assert.Throws<ValidationException>(() => Growing().Review(StageDecision.Move, null, "r", []));
        Assert.Throws<ValidationException>(() => Growing().Review(StageDecision.Move, LifecycleStage.Growth, "r", []));
    }

    [Fact]
    public void Keep_changes_nothing_but_is_recorded()
    {
        var product = Growing();
        var review = product.Review(StageDecision.Keep, null, "steady", []);
        Assert.Equal((LifecycleStage.Growth, false), (product.Stage, product.Archived));
        Assert.Equal(review.PreviousStage, review.ResultingStage);
        Assert.Null(review.TargetStage);
    }

    [Fact]
    public void Withdrawal_archives_and_only_a_relaunch_brings_a_product_back_to_introduction()
    {
        var product = Growing();
        product.Review(StageDecision.Withdraw, null, "gone", []);
        Assert.True(product.Archived);
        Assert.Throws<FailedPreconditionException>(() => product.Review(StageDecision.Keep, null, "r", []));
        Assert.Throws<FailedPreconditionException>(() => product.Review(StageDecision.Move, LifecycleStage.Decline, "r", []));
        Assert.Throws<FailedPreconditionException>(product.EnsureChangeable);

        product.Review(StageDecision.Relaunch, null, "back", []);
        Assert.Equal((LifecycleStage.Introduction, false), (product.Stage, product.Archived));
    }

    [Fact]
    public void An_unknown_decision_is_invalid() =>
        Assert.Throws<ValidationException>(() => Growing().Review((StageDecision)99, null, "r", []));

    [Fact]
    public void Archiving_twice_changes_nothing_the_second_time()
    {
        var product = Growing();
        Assert.True(product.Archive());
        Assert.False(product.Archive());
        Assert.True(product.Archived);
    }

    [Fact]
    public void The_stage_metric_is_one_of_the_allowed_keys_or_empty_for_the_default()
    {
        var product = Growing();
        Assert.True(product.TryUseStageMetric("wau", ["wau", "mau"]));
        Assert.Equal("wau", product.StageMetricKey);
        Assert.False(product.TryUseStageMetric("signups", ["wau", "mau"]));
        Assert.Equal("wau", product.StageMetricKey);
        Assert.True(product.TryUseStageMetric("", ["wau", "mau"]));
        Assert.Null(product.StageMetricKey);
    }
}
