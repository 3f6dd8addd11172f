using Backlog.FunctionalTests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Lodestar.Backlog.V1;
using Lodestar.Persistence;

namespace Backlog.FunctionalTests.Prioritization;

/// <summary>Every framework computed by the service, against hand-computed values; explanations; bad inputs.</summary>
public sealed class ScoringTests(BacklogHosts hosts) : IClassFixture<BacklogHosts>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(BacklogHosts.Providers), MemberType = typeof(BacklogHosts))]
    public async Task Every_framework_scores_an_item_as_worked_out_by_hand(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var product = await hosts.NewProductAsync(provider, workspace);
        var prioritization = hosts.Prioritization(provider, workspace);
        await prioritization.UpdateBacklogSettingsAsync(new UpdateBacklogSettingsRequest
        {
            BacklogSettings = new BacklogSettings
            {
                Name = product + "/backlogSettings",
                Criteria =
                {
                    new Criterion { Key = "revenue", DisplayName = "Revenue", Weight = 3 },
                    new Criterion { Key = "strategic_fit", DisplayName = "Strategic fit", Weight = 2 },
                    new Criterion { Key = "risk", DisplayName = "Risk reduction", Weight = 1 },
                },
            },
            UpdateMask = new FieldMask { Paths = { "criteria" } },
        }, cancellationToken: Cancel);

        var item = await hosts.NewItemAsync(provider, workspace, product, new BacklogItem
        {
            Title = "Audit log",
            Rice = new RiceInputs { Reach = 1200, Impact = 2, Confidence = 80, Effort = 3 },
            Ice = new IceInputs { Impact = 8, Confidence = 6, Ease = 9 },
            Wsjf = new WsjfInputs { UserBusinessValue = 8, TimeCriticality = 5, RiskReduction = 3, JobSize = 4 },
            ValueEffort = new ValueEffortInputs { Value = 9, Effort = 2 },
            Moscow = new MoscowInputs { Priority = MoscowPriority.Should, Release = "2027.1" },
            Weighted = { ["revenue"] = 8, ["strategic_fit"] = 5, ["risk"] = 2 },
        });
        var scores = item.Scores;
        Assert.Equal(640, scores.Rice, 9); // 1,200 × 2 × 0.8 ÷ 3
        Assert.Equal(432, scores.Ice); // 8 × 6 × 9
        Assert.Equal((16d, 4d), (scores.CostOfDelay, scores.Wsjf)); // (8 + 5 + 3) ÷ 4
        Assert.Equal((ValueEffortQuadrant.QuickWin, 4.5), (scores.Quadrant, scores.ValueEffortRatio));
        Assert.Equal(MoscowPriority.Should, scores.Moscow);
        Assert.Equal(6, scores.Weighted, 9); // (3 × 8 + 2 × 5 + 1 × 2) ÷ 6
        Assert.Equal((Framework.Rice, 640d), (scores.RankingFramework, Math.Round(scores.RankingScore, 9)));
        Assert.Equal(KanoCategory.Unspecified, scores.Kano?.Category ?? KanoCategory.Unspecified);

        var items = hosts.Items(provider, workspace);
        var surveyed = await items.AddKanoResponsesAsync(new AddKanoResponsesRequest
        {
            Name = item.Name,
            Responses =
            {
                Enumerable.Repeat(new KanoResponse { Functional = KanoAnswer.Like, Dysfunctional = KanoAnswer.Neutral }, 5) // A
                    .Concat(Enumerable.Repeat(new KanoResponse { Functional = KanoAnswer.Like, Dysfunctional = KanoAnswer.Dislike }, 3)) // O
                    .Concat(Enumerable.Repeat(new KanoResponse { Functional = KanoAnswer.Expect, Dysfunctional = KanoAnswer.Dislike }, 2)) // M
                    .Append(new KanoResponse { Functional = KanoAnswer.Neutral, Dysfunctional = KanoAnswer.Neutral }), // I
            },
        }, cancellationToken: Cancel);
        var kano = surveyed.Scores.Kano;
        Assert.Equal((KanoCategory.Attractive, 11, 5, 3, 2, 1), (kano.Category, kano.ResponseCount, kano.Attractive, kano.OneDimensional, kano.MustBe, kano.Indifferent));
        Assert.Equal(8d / 11, kano.Better, 12);
        Assert.Equal(-5d / 11, kano.Worse, 12);
        var more = await items.AddKanoResponsesAsync(new AddKanoResponsesRequest
        {
            Name = item.Name, Responses = { Enumerable.Repeat(new KanoResponse { Functional = KanoAnswer.Neutral, Dysfunctional = KanoAnswer.Dislike }, 4) },
        }, cancellationToken: Cancel);
        Assert.Equal((KanoCategory.MustBe, 15), (more.Scores.Kano.Category, more.Scores.Kano.ResponseCount)); // M = 6 beats A = 5

        var explanation = await prioritization.ExplainBacklogItemScoreAsync(new ExplainBacklogItemScoreRequest { Name = item.Name }, cancellationToken: Cancel);
        Assert.Equal((Framework.Rice, "1,200 × 2 × 80% ÷ 3 = 640"), (explanation.Framework, explanation.Calculation));
        Assert.Equal(["reach", "impact", "confidence", "effort"], explanation.Inputs.Select(i => i.Name));
        var weighted = await prioritization.ExplainBacklogItemScoreAsync(new ExplainBacklogItemScoreRequest { Name = item.Name, Framework = Framework.Weighted }, cancellationToken: Cancel);
        Assert.Equal("(3 × 8 + 2 × 5 + 1 × 2) ÷ 6 = 6", weighted.Calculation);
        var kanoExplained = await prioritization.ExplainBacklogItemScoreAsync(new ExplainBacklogItemScoreRequest { Name = item.Name, Framework = Framework.Kano }, cancellationToken: Cancel);
        Assert.Equal("MustBe", kanoExplained.Category);
    }

    [Theory, MemberData(nameof(BacklogHosts.Providers), MemberType = typeof(BacklogHosts))]
    public async Task Bad_inputs_name_their_fields_and_change_nothing(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var product = await hosts.NewProductAsync(provider, workspace);
        var items = hosts.Items(provider, workspace);
        var item = await hosts.NewItemAsync(provider, workspace, product, new BacklogItem
        {
            Title = "Webhooks", Rice = new RiceInputs { Reach = 100, Impact = 1, Confidence = 50, Effort = 1 },
        });

        await Rpc.InvalidAsync(items.UpdateBacklogItemAsync(new UpdateBacklogItemRequest
        {
            BacklogItem = new BacklogItem
            {
                Name = item.Name, Title = "Renamed",
                Rice = new RiceInputs { Reach = 100, Impact = 4, Confidence = 120, Effort = 0 },
                Ice = new IceInputs { Impact = 0, Confidence = 5, Ease = 11 },
                ValueEffort = new ValueEffortInputs { Value = 5, Effort = 0 },
                Moscow = new MoscowInputs(),
                Weighted = { ["unknown"] = 5 },
                Kano = new KanoInputs { Responses = { new KanoResponse { Functional = KanoAnswer.Like, Dysfunctional = (KanoAnswer)9 } } },
                InputRanges = { new InputRange { Input = "rice.reach", Low = 150, High = 300 }, new InputRange { Input = "ice.nothing", Low = 1, High = 2 } },
            },
            UpdateMask = new FieldMask { Paths = { "title", "rice", "ice", "value_effort", "moscow", "weighted", "kano", "input_ranges" } },
        }, cancellationToken: Cancel),
            "backlog_item.rice.impact", "backlog_item.rice.confidence", "backlog_item.rice.effort", "backlog_item.ice.impact", "backlog_item.ice.ease",
            "backlog_item.value_effort.effort", "backlog_item.moscow.priority", "backlog_item.weighted[unknown]",
            "backlog_item.kano.responses[0].dysfunctional", "backlog_item.input_ranges[0]", "backlog_item.input_ranges[1].input");
        await Rpc.InvalidAsync(items.AddKanoResponsesAsync(new AddKanoResponsesRequest
        {
            Name = item.Name, Responses = { new KanoResponse { Functional = KanoAnswer.Unspecified, Dysfunctional = KanoAnswer.Like } },
        }, cancellationToken: Cancel), "responses[0].functional");
        await Rpc.InvalidAsync(items.CreateBacklogItemAsync(new CreateBacklogItemRequest { BacklogItem = new BacklogItem
        {
            Product = product, Title = "", EstimatePoints = -1, Labels = { "" }, Problems = { "problem-7" },
        } }, cancellationToken: Cancel), "backlog_item.type", "backlog_item.title", "backlog_item.estimate_points", "backlog_item.labels[0]", "backlog_item.problems[0]");
        await Rpc.InvalidAsync(hosts.Prioritization(provider, workspace).UpdateBacklogSettingsAsync(new UpdateBacklogSettingsRequest
        {
            BacklogSettings = new BacklogSettings
            {
                Name = product + "/backlogSettings", UsersPerCustomer = 0, MaintenanceShare = 1.5,
                Criteria = { new Criterion { Key = "Revenue!", DisplayName = "", Weight = 0 }, new Criterion { Key = "a", DisplayName = "A", Weight = 1 }, new Criterion { Key = "a", DisplayName = "B", Weight = 1 } },
            },
            UpdateMask = new FieldMask { Paths = { "users_per_customer", "maintenance_share", "criteria" } },
        }, cancellationToken: Cancel),
            "backlog_settings.users_per_customer", "backlog_settings.maintenance_share", "backlog_settings.criteria[0].key",
            "backlog_settings.criteria[0].display_name", "backlog_settings.criteria[0].weight", "backlog_settings.criteria[2].key");

        Assert.Equal(item, await items.GetBacklogItemAsync(new GetBacklogItemRequest { Name = item.Name }, cancellationToken: Cancel));
        Assert.Single((await items.ListBacklogItemsAsync(new ListBacklogItemsRequest { Product = product }, cancellationToken: Cancel)).BacklogItems);
    }
}
