using Backlog.FunctionalTests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Lodestar.Backlog.V1;
using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Persistence;

namespace Backlog.FunctionalTests.Events;

/// <summary>Events from discovery and strategy: evidence re-scores items, hypotheses flag them, goals and products give context.</summary>
public sealed class ContextEventTests(BacklogHosts hosts) : IClassFixture<BacklogHosts>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(BacklogHosts.Providers), MemberType = typeof(BacklogHosts))]
    public async Task Problem_evidence_drives_rice_reach_and_confidence_when_the_product_opts_in(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var product = await hosts.NewProductAsync(provider, workspace);
        var productId = Guid.Parse(product["products/".Length..]);
        var prioritization = hosts.Prioritization(provider, workspace);
        var items = hosts.Items(provider, workspace);
        await prioritization.UpdateBacklogSettingsAsync(new UpdateBacklogSettingsRequest
        {
            BacklogSettings = new BacklogSettings { Name = product + "/backlogSettings", EvidenceBasedRice = true, UsersPerCustomer = 10, EvidenceHalfScore = 5 },
            UpdateMask = new FieldMask { Paths = { "evidence_based_rice", "users_per_customer", "evidence_half_score" } },
        }, cancellationToken: Cancel);
        var (onboarding, export) = (Guid.NewGuid(), Guid.NewGuid());
        var linked = await hosts.NewItemAsync(provider, workspace, product, new BacklogItem
        {
            Title = "Guided setup", Problems = { $"problems/{onboarding}", $"problems/{export}" },
            Rice = new RiceInputs { Reach = 50, Impact = 2, Confidence = 100, Effort = 2 },
        });
        var rival = await hosts.NewItemAsync(provider, workspace, product, new BacklogItem
        {
            Title = "Rival", Rice = new RiceInputs { Reach = 100, Impact = 1, Confidence = 100, Effort = 1 },
        });
        // No evidence yet: typed values, 50 × 2 × 100% ÷ 2 = 50, below the rival's 100.
        Assert.Equal(50, linked.Scores.Rice);

        var first = new ProblemEvidenceChanged(onboarding, productId, 12, 8, 2, 3, 2.5, DateTimeOffset.UtcNow.AddDays(-2)) { WorkspaceId = workspace };
        await hosts.PublishAsync(provider, first);
        await hosts.PublishAsync(provider, first);
        await hosts.PublishAsync(provider, new ProblemEvidenceChanged(export, productId, 4, 2, 1, 2, 2, null) { WorkspaceId = workspace });
        // Reach = (8 + 2) customers × 10 = 100; confidence = 100% × (1 − 2^(−5 ÷ 5)) = 50%; 100 × 2 × 0.5 ÷ 2 = 50.
        var rescored = await Eventually.GetAsync(() => items.GetBacklogItemAsync(new GetBacklogItemRequest { Name = linked.Name }, cancellationToken: Cancel).ResponseAsync,
            i => i.Evidence.ProblemCount == 2);
        Assert.Equal((2, 16, 10, 5d), (rescored.Evidence.ProblemCount, rescored.Evidence.InsightCount, rescored.Evidence.DistinctCustomers, rescored.Evidence.WeightedScore));
        Assert.Equal(50, rescored.Scores.Rice, 9);

        // Stronger evidence for onboarding lifts the item above the rival: (30 + 2) × 10 = 320 reach, S = 13 → 1 − 2^(−2.6).
        await hosts.PublishAsync(provider, new ProblemEvidenceChanged(onboarding, productId, 40, 30, 3, 11, 2.8, DateTimeOffset.UtcNow) { WorkspaceId = workspace });
        var expected = 320 * 2 * (1 - Math.Pow(2, -13d / 5)) / 2;
        rescored = await Eventually.GetAsync(() => items.GetBacklogItemAsync(new GetBacklogItemRequest { Name = linked.Name }, cancellationToken: Cancel).ResponseAsync,
            i => i.Evidence.DistinctCustomers == 32);
        Assert.Equal(expected, rescored.Scores.Rice, 6);
        var ranked = await prioritization.GetRankedBacklogAsync(new GetRankedBacklogRequest { Name = product + "/backlog" }, cancellationToken: Cancel);
        Assert.Equal([linked.Name, rival.Name], ranked.Entries.Select(e => e.BacklogItem.Name));

        // A report older than the one applied changes nothing.
        await hosts.PublishAsync(provider, new ProblemEvidenceChanged(onboarding, productId, 1, 1, 1, 0.1, 1, null)
        {
            WorkspaceId = workspace, OccurredAt = DateTimeOffset.UtcNow.AddHours(-1),
        });

        var explanation = await prioritization.ExplainBacklogItemScoreAsync(new ExplainBacklogItemScoreRequest { Name = linked.Name }, cancellationToken: Cancel);
        Assert.Equal(["evidence", "typed", "evidence", "typed"], explanation.Inputs.Select(i => i.Source));
        Assert.Equal([(onboarding, 30), (export, 2)], explanation.Evidence.Select(e => (Guid.Parse(e.Problem["problems/".Length..]), e.DistinctCustomers)).OrderBy(e => e.Item2 == 2));
        Assert.Equal($"problems/{onboarding}", explanation.LastRescore.Problem);
        Assert.Equal((50d, expected), (Math.Round(explanation.LastRescore.PreviousScore, 9), Math.Round(explanation.LastRescore.Score, 9)), new RoundedComparer());
        await Task.Delay(1000, Cancel);
        Assert.Equal(32, (await items.GetBacklogItemAsync(new GetBacklogItemRequest { Name = linked.Name }, cancellationToken: Cancel)).Evidence.DistinctCustomers);
    }

    [Theory, MemberData(nameof(BacklogHosts.Providers), MemberType = typeof(BacklogHosts))]
    public async Task Hypotheses_goals_and_products_keep_items_in_context(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var product = await hosts.NewProductAsync(provider, workspace);
        var productId = Guid.Parse(product["products/".Length..]);
        var (hypothesis, goal) = (Guid.NewGuid(), Guid.NewGuid());
        var items = hosts.Items(provider, workspace);
        var item = await hosts.NewItemAsync(provider, workspace, product, new BacklogItem
        {
            Title = "Smart defaults", Hypotheses = { $"hypotheses/{hypothesis}" }, Goals = { $"goals/{goal}" },
        });
        Assert.False(item.HypothesisInvalidated);
        Assert.Empty(item.GoalContext);

        await hosts.PublishAsync(provider, new HypothesisStatusChanged(hypothesis, productId, "invalidated", "activation_rate") { WorkspaceId = workspace });
        await hosts.PublishAsync(provider, new GoalChanged(goal, productId, "Double activation", "active") { WorkspaceId = workspace });
        var flagged = await Eventually.GetAsync(() => items.GetBacklogItemAsync(new GetBacklogItemRequest { Name = item.Name }, cancellationToken: Cancel).ResponseAsync,
            i => i.HypothesisInvalidated && i.GoalContext.Count == 1);
        Assert.Equal(("Double activation", "active"), (flagged.GoalContext[0].Title, flagged.GoalContext[0].Status));

        await hosts.PublishAsync(provider, new HypothesisStatusChanged(hypothesis, productId, "testing", null) { WorkspaceId = workspace });
        await Eventually.GetAsync(() => items.GetBacklogItemAsync(new GetBacklogItemRequest { Name = item.Name }, cancellationToken: Cancel).ResponseAsync,
            i => !i.HypothesisInvalidated);

        await hosts.PublishAsync(provider, new ProductChanged(productId, "Atlas Cloud", "maturity", true) { WorkspaceId = workspace });
        var settings = await Eventually.GetAsync(() => hosts.Prioritization(provider, workspace).GetBacklogSettingsAsync(
            new GetBacklogSettingsRequest { Name = product + "/backlogSettings" }, cancellationToken: Cancel).ResponseAsync, s => s.ProductArchived);
        Assert.Equal("Atlas Cloud", settings.ProductDisplayName);
        await Rpc.FailsAsync(Grpc.Core.StatusCode.FailedPrecondition, items.CreateBacklogItemAsync(new CreateBacklogItemRequest { BacklogItem = new BacklogItem
        {
            Product = product, Type = ItemType.Feature, Title = "After archive",
        } }, cancellationToken: Cancel));

        // Another workspace's event about the same ids touches nothing here.
        await hosts.PublishAsync(provider, new GoalChanged(goal, productId, "Hijacked", "active") { WorkspaceId = Guid.NewGuid() });
        await Task.Delay(1000, Cancel);
        Assert.Equal("Double activation", (await items.GetBacklogItemAsync(new GetBacklogItemRequest { Name = item.Name }, cancellationToken: Cancel)).GoalContext[0].Title);
    }

    private sealed class RoundedComparer : IEqualityComparer<(double, double)>
    {
        public bool Equals((double, double) x, (double, double) y) => Math.Abs(x.Item1 - y.Item1) < 1e-6 && Math.Abs(x.Item2 - y.Item2) < 1e-6;

        public int GetHashCode((double, double) obj) => 0;
    }
}
