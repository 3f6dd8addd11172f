using Backlog.FunctionalTests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Lodestar.Backlog.V1;
using Lodestar.Persistence;

namespace Backlog.FunctionalTests.Prioritization;

/// <summary>The ranked backlog: score order, stable manual moves, re-ranking, paging, rank robustness.</summary>
public sealed class RankingTests(BacklogHosts hosts) : IClassFixture<BacklogHosts>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static RiceInputs Rice(double reach) => new() { Reach = reach, Impact = 1, Confidence = 100, Effort = 1 };

    private async Task<string[]> TitlesAsync(DatabaseProvider provider, Guid workspace, string product, int pageSize = 0) =>
        [.. (await hosts.Prioritization(provider, workspace).GetRankedBacklogAsync(new GetRankedBacklogRequest { Name = product + "/backlog", PageSize = pageSize }, cancellationToken: Cancel))
            .Entries.Select(e => e.BacklogItem.Title)];

    [Theory, MemberData(nameof(BacklogHosts.Providers), MemberType = typeof(BacklogHosts))]
    public async Task The_backlog_ranks_by_score_and_keeps_manual_moves_until_reranked(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var product = await hosts.NewProductAsync(provider, workspace);
        var items = hosts.Items(provider, workspace);
        var prioritization = hosts.Prioritization(provider, workspace);
        var created = new Dictionary<string, BacklogItem>();
        foreach (var (title, reach) in new[] { ("C", 300d), ("A", 500d), ("E", 100d), ("B", 400d), ("D", 200d) })
            created[title] = await hosts.NewItemAsync(provider, workspace, product, new BacklogItem { Title = title, Rice = Rice(reach) });
        var unscored = await hosts.NewItemAsync(provider, workspace, product, new BacklogItem { Title = "Z" });
        Assert.Equal(["A", "B", "C", "D", "E", "Z"], await TitlesAsync(provider, workspace, product));

        var moved = await prioritization.MoveBacklogItemAsync(new MoveBacklogItemRequest { Name = created["E"].Name, Above = created["B"].Name }, cancellationToken: Cancel);
        Assert.True(moved.ManuallyRanked);
        await prioritization.MoveBacklogItemAsync(new MoveBacklogItemRequest { Name = created["A"].Name, Below = unscored.Name }, cancellationToken: Cancel);
        Assert.Equal(["E", "B", "C", "D", "Z", "A"], await TitlesAsync(provider, workspace, product));

        // A score change moves an item placed by score, not one placed by hand.
        await items.UpdateBacklogItemAsync(new UpdateBacklogItemRequest
        {
            BacklogItem = new BacklogItem { Name = created["D"].Name, Rice = Rice(450) }, UpdateMask = new FieldMask { Paths = { "rice" } },
        }, cancellationToken: Cancel);
        await items.UpdateBacklogItemAsync(new UpdateBacklogItemRequest
        {
            BacklogItem = new BacklogItem { Name = created["E"].Name, Rice = Rice(1) }, UpdateMask = new FieldMask { Paths = { "rice" } },
        }, cancellationToken: Cancel);
        Assert.Equal(["E", "D", "B", "C", "Z", "A"], await TitlesAsync(provider, workspace, product));

        // Finished items leave the ranked backlog.
        await items.UpdateBacklogItemAsync(new UpdateBacklogItemRequest
        {
            BacklogItem = new BacklogItem { Name = created["C"].Name, Status = ItemStatus.WontDo }, UpdateMask = new FieldMask { Paths = { "status" } },
        }, cancellationToken: Cancel);
        var reranked = await prioritization.RerankBacklogAsync(new RerankBacklogRequest { Name = product + "/backlog" }, cancellationToken: Cancel);
        Assert.Equal(6, reranked.ItemCount);
        Assert.Equal(["A", "D", "B", "E", "Z"], await TitlesAsync(provider, workspace, product));

        // Changing the framework re-ranks by the new framework's scores.
        await items.UpdateBacklogItemAsync(new UpdateBacklogItemRequest
        {
            BacklogItem = new BacklogItem { Name = created["E"].Name, Ice = new IceInputs { Impact = 10, Confidence = 10, Ease = 10 } }, UpdateMask = new FieldMask { Paths = { "ice" } },
        }, cancellationToken: Cancel);
        var settings = await prioritization.UpdateBacklogSettingsAsync(new UpdateBacklogSettingsRequest
        {
            BacklogSettings = new BacklogSettings { Name = product + "/backlogSettings", RankingFramework = Framework.Ice }, UpdateMask = new FieldMask { Paths = { "ranking_framework" } },
        }, cancellationToken: Cancel);
        Assert.Equal(Framework.Ice, settings.RankingFramework);
        Assert.Equal("E", (await TitlesAsync(provider, workspace, product))[0]);

        var page = await prioritization.GetRankedBacklogAsync(new GetRankedBacklogRequest { Name = product + "/backlog", PageSize = 2 }, cancellationToken: Cancel);
        var next = await prioritization.GetRankedBacklogAsync(new GetRankedBacklogRequest { Name = product + "/backlog", PageSize = 2, PageToken = page.NextPageToken }, cancellationToken: Cancel);
        var last = await prioritization.GetRankedBacklogAsync(new GetRankedBacklogRequest { Name = product + "/backlog", PageSize = 2, PageToken = next.NextPageToken }, cancellationToken: Cancel);
        Assert.Equal([1, 2, 3, 4, 5], page.Entries.Concat(next.Entries).Concat(last.Entries).Select(e => e.Position));
        Assert.Equal(await TitlesAsync(provider, workspace, product), page.Entries.Concat(next.Entries).Concat(last.Entries).Select(e => e.BacklogItem.Title));
        Assert.Equal("", last.NextPageToken);
        await Rpc.InvalidAsync(prioritization.GetRankedBacklogAsync(new GetRankedBacklogRequest { Name = product + "/backlog", PageToken = "garbage" }, cancellationToken: Cancel), "page_token");
        var bugsOnly = await prioritization.GetRankedBacklogAsync(new GetRankedBacklogRequest { Name = product + "/backlog", ItemTypes = { ItemType.Bug } }, cancellationToken: Cancel);
        Assert.Empty(bugsOnly.Entries);
    }

    [Theory, MemberData(nameof(BacklogHosts.Providers), MemberType = typeof(BacklogHosts))]
    public async Task Many_moves_into_the_same_gap_keep_the_order(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var product = await hosts.NewProductAsync(provider, workspace);
        var prioritization = hosts.Prioritization(provider, workspace);
        var top = await hosts.NewItemAsync(provider, workspace, product, new BacklogItem { Title = "top", Rice = Rice(1000) });
        await hosts.NewItemAsync(provider, workspace, product, new BacklogItem { Title = "bottom", Rice = Rice(1) });
        var expected = new List<string> { "top", "bottom" };
        for (var i = 0; i < 60; i++)
        {
            var item = await hosts.NewItemAsync(provider, workspace, product, new BacklogItem { Title = $"m{i}" });
            await prioritization.MoveBacklogItemAsync(new MoveBacklogItemRequest { Name = item.Name, Below = top.Name }, cancellationToken: Cancel);
            expected.Insert(1, $"m{i}");
        }
        Assert.Equal(expected, await TitlesAsync(provider, workspace, product, 100));
    }

    [Theory, MemberData(nameof(BacklogHosts.Providers), MemberType = typeof(BacklogHosts))]
    public async Task A_crowded_spot_respaces_its_neighbourhood_and_leaves_the_rest_of_the_backlog_alone(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var product = await hosts.NewProductAsync(provider, workspace);
        await hosts.NewItemAsync(provider, workspace, product, new BacklogItem { Title = "top", Rice = Rice(1000) });
        for (var j = 0; j < 40; j++) await hosts.NewItemAsync(provider, workspace, product, new BacklogItem { Title = $"s{j}", Rice = Rice(500 - j) });
        var before = await KeysAsync(provider, workspace, product);

        // Equal scores all go directly above s0: one gap, split 300 times, outgrows 40 digits several times over.
        for (var i = 0; i < 300; i++) await hosts.NewItemAsync(provider, workspace, product, new BacklogItem { Title = $"h{i}", Rice = Rice(700) });

        var after = await KeysAsync(provider, workspace, product);
        Assert.Equal(["top", .. Enumerable.Range(0, 300).Select(i => $"h{i}"), .. Enumerable.Range(0, 40).Select(j => $"s{j}")], after.Select(e => e.Title));
        Assert.Equal(after.Select(e => e.Rank).Order(StringComparer.Ordinal), after.Select(e => e.Rank));
        Assert.Equal(after.Count, after.Select(e => e.Rank).Distinct().Count());
        Assert.All(after, e => Assert.InRange(e.Rank.Length, 1, 40));
        // Re-spacing reached only the few items next to the crowded gap; the rest of the backlog kept its keys.
        Assert.Equal(before.TakeLast(20), after.TakeLast(20));
        Assert.Equal(before[0], after[0]);
    }

    private async Task<List<(string Title, string Rank)>> KeysAsync(DatabaseProvider provider, Guid workspace, string product) =>
        [.. (await hosts.Prioritization(provider, workspace).GetRankedBacklogAsync(new GetRankedBacklogRequest { Name = product + "/backlog", PageSize = 1000 }, cancellationToken: Cancel))
            .Entries.Select(e => (e.BacklogItem.Title, e.BacklogItem.Rank))];

    [Theory, MemberData(nameof(BacklogHosts.Providers), MemberType = typeof(BacklogHosts))]
    public async Task Rank_robustness_reports_the_chance_each_top_item_keeps_its_band(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var product = await hosts.NewProductAsync(provider, workspace);
        var prioritization = hosts.Prioritization(provider, workspace);
        await hosts.NewItemAsync(provider, workspace, product, new BacklogItem { Title = "sure thing", Rice = Rice(250) });
        await hosts.NewItemAsync(provider, workspace, product, new BacklogItem
        {
            Title = "long shot", Rice = Rice(200), InputRanges = { new InputRange { Input = "rice.reach", Low = 0, High = 300 } },
        });
        await hosts.NewItemAsync(provider, workspace, product, new BacklogItem { Title = "steady", Rice = Rice(150) });
        await hosts.NewItemAsync(provider, workspace, product, new BacklogItem { Title = "unscored" });

        var request = new AnalyzeRankRobustnessRequest { Name = product + "/backlog", TopN = 3, BandWidth = 1, Samples = 5_000, Seed = 7 };
        var result = await prioritization.AnalyzeRankRobustnessAsync(request, cancellationToken: Cancel);
        Assert.Equal((Framework.Rice, 3, 1, 5_000), (result.Framework, result.ItemCount, result.UncertainItemCount, result.Samples));
        Assert.Equal(["sure thing", "long shot", "steady"], result.Items.Select(i => i.Title));
        // Triangular(0, 200, 300): below 150 with p = 150² ÷ (300 × 200) = 0.375, above 250 with p = 50² ÷ (300 × 100) = 0.083.
        Assert.Equal(1 - 0.375 - 0.0833, result.Items[1].Probability, 1);
        Assert.Equal(1 - 0.0833, result.Items[0].Probability, 1);
        Assert.Equal((1, 3), (result.Items[1].RankP5, result.Items[1].RankP95));
        Assert.Equal(result, await prioritization.AnalyzeRankRobustnessAsync(request, cancellationToken: Cancel));

        await Rpc.InvalidAsync(prioritization.AnalyzeRankRobustnessAsync(new AnalyzeRankRobustnessRequest
        {
            Name = product + "/backlog", Samples = 500, TopN = 101, Framework = Framework.Kano,
        }, cancellationToken: Cancel), "samples", "top_n", "framework");
    }
}
