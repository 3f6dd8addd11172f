using Grpc.Core;
using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Persistence;
using Lodestar.Strategy.V1;
using Strategy.FunctionalTests.Infrastructure;

namespace Strategy.FunctionalTests.Products;

/// <summary>Lifecycle decisions: recorded as history, applied to the product, announced on the broker.</summary>
public sealed class StageReviewTests(StrategyHosts hosts) : IClassFixture<StrategyHosts>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static CreateStageReviewRequest Review(Product product, StageDecision decision, string rationale,
        LifecycleStage target = LifecycleStage.Unspecified, params string[] evidence) =>
        new()
        {
            Parent = product.Name,
            StageReview = new StageReview { Decision = decision, TargetStage = target, Rationale = rationale, EvidenceLinks = { evidence } },
        };

    [Theory, MemberData(nameof(StrategyHosts.Providers), MemberType = typeof(StrategyHosts))]
    public async Task Reviews_move_withdraw_and_relaunch_a_product_and_keep_its_history(DatabaseProvider provider)
    {
        var products = hosts.Products(provider, Guid.NewGuid());
        var product = await products.CreateProductAsync(new CreateProductRequest { Product = new Product { DisplayName = "Atlas" } }, cancellationToken: Cancel);

        var move = await products.CreateStageReviewAsync(
            Review(product, StageDecision.Move, "WAU doubled in a quarter", LifecycleStage.Growth, "https://metrics.example/wau"), cancellationToken: Cancel);
        Assert.StartsWith(product.Name + "/stageReviews/", move.Name, StringComparison.Ordinal);
        Assert.Equal((LifecycleStage.Introduction, LifecycleStage.Growth, "pm@Editor"), (move.PreviousStage, move.ResultingStage, move.DecidedBy));
        Assert.Equal(["https://metrics.example/wau"], move.EvidenceLinks);

        await products.CreateStageReviewAsync(Review(product, StageDecision.Keep, "Still growing"), cancellationToken: Cancel);
        var withdraw = await products.CreateStageReviewAsync(Review(product, StageDecision.Withdraw, "Merged into Atlas 2"), cancellationToken: Cancel);
        Assert.Equal(LifecycleStage.Growth, withdraw.ResultingStage);
        Assert.True((await products.GetProductAsync(new GetProductRequest { Name = product.Name }, cancellationToken: Cancel)).Archived);

        await Rpc.FailsAsync(StatusCode.FailedPrecondition,
            products.CreateStageReviewAsync(Review(product, StageDecision.Move, "Too late", LifecycleStage.Maturity), cancellationToken: Cancel));
        var relaunch = await products.CreateStageReviewAsync(Review(product, StageDecision.Relaunch, "New market"), cancellationToken: Cancel);
        Assert.Equal(LifecycleStage.Introduction, relaunch.ResultingStage);
        var restored = await products.GetProductAsync(new GetProductRequest { Name = product.Name }, cancellationToken: Cancel);
        Assert.Equal((LifecycleStage.Introduction, false), (restored.Stage, restored.Archived));

        var decisions = new List<StageDecision>();
        var token = "";
        do
        {
            var page = await products.ListStageReviewsAsync(new ListStageReviewsRequest { Parent = product.Name, PageSize = 3, PageToken = token }, cancellationToken: Cancel);
            decisions.AddRange(page.StageReviews.Select(r => r.Decision));
            token = page.NextPageToken;
        } while (token != "");
        Assert.Equal([StageDecision.Relaunch, StageDecision.Withdraw, StageDecision.Keep, StageDecision.Move], decisions);
    }

    [Theory, MemberData(nameof(StrategyHosts.Providers), MemberType = typeof(StrategyHosts))]
    public async Task A_bad_review_names_its_fields_and_changes_nothing(DatabaseProvider provider)
    {
        var products = hosts.Products(provider, Guid.NewGuid());
        var product = await products.CreateProductAsync(new CreateProductRequest { Product = new Product { DisplayName = "Orion" } }, cancellationToken: Cancel);

        await Rpc.InvalidAsync(products.CreateStageReviewAsync(Review(product, StageDecision.Unspecified, ""), cancellationToken: Cancel),
            "stage_review.decision", "stage_review.rationale");
        await Rpc.InvalidAsync(products.CreateStageReviewAsync(Review(product, StageDecision.Move, "Same again", LifecycleStage.Introduction), cancellationToken: Cancel),
            "stage_review.target_stage");
        await Rpc.InvalidAsync(products.CreateStageReviewAsync(Review(product, StageDecision.Move, "Where to?"), cancellationToken: Cancel),
            "stage_review.target_stage");
        await Rpc.InvalidAsync(products.CreateStageReviewAsync(Review(product, StageDecision.Keep, "Keep", LifecycleStage.Growth), cancellationToken: Cancel),
            "stage_review.target_stage");
        await Rpc.InvalidAsync(products.CreateStageReviewAsync(Review(product, StageDecision.Keep, "Links", LifecycleStage.Unspecified, "ok", " ", new string('l', 2001)),
            cancellationToken: Cancel), "stage_review.evidence_links[1]", "stage_review.evidence_links[2]");
        await Rpc.InvalidAsync(products.CreateStageReviewAsync(new CreateStageReviewRequest { Parent = product.Name }, cancellationToken: Cancel), "stage_review");
        await Rpc.FailsAsync(StatusCode.NotFound, products.CreateStageReviewAsync(
            Review(new Product { Name = $"products/{Guid.NewGuid()}" }, StageDecision.Keep, "Unknown"), cancellationToken: Cancel));
        await Rpc.FailsAsync(StatusCode.NotFound, products.ListStageReviewsAsync(
            new ListStageReviewsRequest { Parent = $"products/{Guid.NewGuid()}" }, cancellationToken: Cancel));

        Assert.Empty((await products.ListStageReviewsAsync(new ListStageReviewsRequest { Parent = product.Name }, cancellationToken: Cancel)).StageReviews);
        Assert.Equal(product, await products.GetProductAsync(new GetProductRequest { Name = product.Name }, cancellationToken: Cancel));
    }

    [Fact]
    public async Task Product_and_stage_changes_are_published_on_the_broker()
    {
        await using var probe = await BrokerProbe.StartAsync(hosts.EventBus(DatabaseProvider.Postgres), typeof(ProductChanged), typeof(ProductStageChanged));
        var workspace = Guid.NewGuid();
        var products = hosts.Products(DatabaseProvider.Postgres, workspace);
        var product = await products.CreateProductAsync(new CreateProductRequest { Product = new Product { DisplayName = "Vega" } }, cancellationToken: Cancel);
        var id = product.Name["products/".Length..];

        var created = await probe.WaitForAsync<ProductChanged>(m => m.GetProperty("productId").GetString() == id);
        Assert.Equal(("Vega", "introduction", false, workspace.ToString()),
            (created.GetProperty("name").GetString(), created.GetProperty("stage").GetString(), created.GetProperty("archived").GetBoolean(),
             created.GetProperty("workspaceId").GetString()));

        await products.CreateStageReviewAsync(Review(product, StageDecision.Move, "Adoption is flat", LifecycleStage.Maturity), cancellationToken: Cancel);
        var moved = await probe.WaitForAsync<ProductStageChanged>(m => m.GetProperty("productId").GetString() == id);
        Assert.Equal(("maturity", "introduction"), (moved.GetProperty("stage").GetString(), moved.GetProperty("previousStage").GetString()));
        await probe.WaitForAsync<ProductChanged>(m => m.GetProperty("productId").GetString() == id && m.GetProperty("stage").GetString() == "maturity");

        await products.CreateStageReviewAsync(Review(product, StageDecision.Keep, "Nothing changes"), cancellationToken: Cancel);
        await Task.Delay(TimeSpan.FromSeconds(1), Cancel);
        Assert.Single(probe.All<ProductStageChanged>(), m => m.GetProperty("productId").GetString() == id);
    }
}
