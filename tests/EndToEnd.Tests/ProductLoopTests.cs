using Lodestar.Api;
using Lodestar.AppHost.Seeding;
using Backlog = Lodestar.Backlog.V1;
using Discovery = Lodestar.Discovery.V1;
using Metrics = Lodestar.Metrics.V1;
using Strategy = Lodestar.Strategy.V1;

namespace EndToEnd.Tests;

/// <summary>
/// The product loop across the four services, as real processes behind the gateway: evidence re-ranks the backlog,
/// an experiment validates a hypothesis, shipping moves the roadmap and marks a release, usage moves a KPI, and a KPI
/// falling off track opens a problem. RabbitMQ is stopped for 15 s in the middle; every effect arrives once it is back,
/// exactly once.
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed class ProductLoopTests(PlatformFixture fixture)
{
    private const string Admin = "loop-admin";
    private const string Metric = "stickiness";
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(15);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Evidence_experiment_release_and_usage_cross_every_service_once_even_through_a_broker_outage()
    {
        var workspace = await fixture.NewWorkspaceAsync(Admin);
        var api = fixture.Clients(Admin, workspace);
        using var rest = fixture.Rest(Admin, workspace);
        var loop = new LoopSteps(api, rest);

        // Strategy: the product (REST), a goal whose key result follows a metric, and that metric as the North Star KPI.
        var product = (await rest.CallAsync(HttpMethod.Post, "/v1/products", new { displayName = "Loop" })).Str("name");
        var (goal, kpi) = await loop.GoalAndKpiAsync(product, Metric);
        Assert.Equal(Strategy.KpiStatus.NoData, kpi.Status);

        // Discovery learns the product and the goal over RabbitMQ; backlog ranks by evidence-based RICE.
        var problem = await loop.ProblemAsync(product, goal);
        var (solution, other) = await loop.TwoItemsAsync(product, problem);
        var initiative = await api.Roadmap.CreateInitiativeAsync(new Strategy.CreateInitiativeRequest
        {
            Initiative = new Strategy.Initiative { Product = product, Title = "Faster reporting", Goals = { goal.Name }, BacklogItems = { solution.Name, other.Name } },
        }, cancellationToken: Cancel);
        Assert.Equal(new[] { other.Name, solution.Name }, await loop.RankedAsync(product));

        // Insights captured (REST) and linked to the problem: its evidence reaches the backlog, which re-scores and re-ranks.
        var insights = await loop.CaptureInsightsAsync(product, customers: 12);
        await rest.CallAsync(HttpMethod.Post, $"/v1/{problem.Name}:linkInsights", new { insights });
        var ranked = await Eventually.GetAsync(() => loop.RankedAsync(product), r => r[0] == solution.Name, seconds: 60);
        Assert.Equal(new[] { solution.Name, other.Name }, ranked);
        var rescored = await api.Items.GetBacklogItemAsync(new Backlog.GetBacklogItemRequest { Name = solution.Name }, cancellationToken: Cancel);
        Assert.Equal(12, rescored.Evidence.InsightCount);
        Assert.True(rescored.Scores.Rice > solution.Scores.Rice, $"RICE {solution.Scores.Rice} → {rescored.Scores.Rice}");

        // Three more items tied to the initiative from the backlog's side: the roadmap counts them when they are linked.
        foreach (var (title, points) in new[] { ("Export to PDF", 2d), ("Scheduled reports", 2d), ("Report sharing", 8d) })
        {
            await api.Items.CreateBacklogItemAsync(new Backlog.CreateBacklogItemRequest
            {
                BacklogItem = new Backlog.BacklogItem { Product = product, Type = Backlog.ItemType.Story, Title = title, EstimatePoints = points, Initiatives = { initiative.Name } },
            }, cancellationToken: Cancel);
        }
        var linked = await Eventually.GetAsync(() => Initiative(api, initiative.Name), i => i.LinkedItems == 5 && i.TotalPoints == 20, seconds: 60);
        Assert.Equal((5, 5, 0d), (linked.BacklogItems.Count, linked.LinkedItems, linked.Progress));

        // A hypothesis about the solution, tested by an experiment in metrics; usage and conversions ingested.
        var (hypothesis, experiment) = await loop.HypothesisWithExperimentAsync(product, problem, solution, goal);
        var users = await loop.ExposeAndConvertAsync(product, experiment, users: 240);
        var onTrack = await Eventually.GetAsync(() => Kpi(api, kpi.Name), k => k.Status == Strategy.KpiStatus.OnTrack, seconds: 60);
        Assert.Equal(1.0, onTrack.LatestValue);
        var keyResult = await Eventually.GetAsync(() => Goal(api, goal.Name), g => g.KeyResults[0].HasCurrentValue, seconds: 30);
        Assert.Equal(1.0, keyResult.KeyResults[0].CurrentValue);

        // RabbitMQ goes away for 15 s while the experiment concludes, the item ships and usage drops.
        var broker = fixture.Resource("rabbitmq");
        await broker.StopAsync(Cancel);
        var stopped = DateTime.UtcNow;
        Backlog.BacklogItem shipped;
        try
        {
            var concluded = await api.Experiments.ConcludeExperimentAsync(new Metrics.ConcludeExperimentRequest { Name = experiment.Name }, cancellationToken: Cancel);
            Assert.Equal(Metrics.Verdict.Validated, concluded.Conclusion.Verdict);
            shipped = await loop.ShipAsync(solution);
            await loop.LapsedUsersAsync(product, count: 4 * users);
            await Task.Delay(TimeSpan.FromSeconds(3), Cancel);
            // Nothing crossed while the broker was away: the effects wait in each service's outbox.
            Assert.Equal(Discovery.HypothesisStatus.Testing, (await Hypothesis(api, hypothesis.Name)).Status);
            Assert.Empty(await loop.ReleaseMarkersAsync(product));
            var remaining = Outage - (DateTime.UtcNow - stopped);
            if (remaining > TimeSpan.Zero) await Task.Delay(remaining, Cancel);
        }
        finally
        {
            // Back even when a step above failed, so the suite's other tests find the platform whole.
            await broker.StartAsync(CancellationToken.None);
        }

        // Discovery: the hypothesis takes the experiment's verdict.
        var validated = await Eventually.GetAsync(() => Hypothesis(api, hypothesis.Name), h => h.Status == Discovery.HypothesisStatus.Validated, seconds: 90);
        Assert.Equal(Discovery.HypothesisStatus.Validated, validated.Status);
        Assert.Equal(experiment.Name.Split('/')[^1], validated.Result.Experiment.Split('/')[^1]);

        // Strategy: the initiative counts the shipped item once; the goal shows the validated hypothesis.
        var progressed = await Eventually.GetAsync(() => Initiative(api, initiative.Name), i => i.ShippedItems > 0, seconds: 60);
        Assert.Equal((1, 5, 0.2, 0.25), (progressed.ShippedItems, progressed.LinkedItems, progressed.Progress, progressed.PointsProgress));
        var informed = await Eventually.GetAsync(() => Goal(api, goal.Name), g => g.LinkedHypotheses.Any(h => h.Status == "validated"), seconds: 30);
        Assert.Equal("validated", Assert.Single(informed.LinkedHypotheses).Status);

        // Metrics: one release marker for the shipped item, naming its hypothesis.
        var markers = await Eventually.GetAsync(() => loop.ReleaseMarkersAsync(product), m => m.Count > 0, seconds: 60);
        var marker = Assert.Single(markers);
        Assert.Equal(shipped.Name, marker.Str("backlogItem"));
        Assert.Equal(hypothesis.Name, Assert.Single(marker.GetProperty("hypotheses").EnumerateArray()).GetString());

        // Usage dropped: the metric value moved, the KPI fell off track, and discovery opened one problem for it.
        var offTrack = await Eventually.GetAsync(() => Kpi(api, kpi.Name), k => k.Status == Strategy.KpiStatus.OffTrack, seconds: 60);
        Assert.Equal(0.2, offTrack.LatestValue, precision: 6);
        var opened = await Eventually.GetAsync(() => loop.KpiProblemsAsync(product, Metric), p => p.Count > 0, seconds: 60);
        var kpiProblem = Assert.Single(opened);
        Assert.Equal(1, kpiProblem.Evidence.InsightCount);

        // Nothing doubled once the broker redelivered: the same figures a while later.
        await Task.Delay(TimeSpan.FromSeconds(5), Cancel);
        Assert.Single(await loop.ReleaseMarkersAsync(product));
        Assert.Single(await loop.KpiProblemsAsync(product, Metric));
        Assert.Equal(1, (await Initiative(api, initiative.Name)).ShippedItems);
        var history = (await api.Kpis.ListKpiValuesAsync(new Strategy.ListKpiValuesRequest { Parent = kpi.Name }, cancellationToken: Cancel)).Values;
        Assert.Equal(Strategy.KpiStatus.OffTrack, history[0].Status);
        Assert.Equal(Strategy.KpiStatus.OnTrack, history[^1].Status);
        Assert.Equal(history.Count, history.Select(v => v.AsOfDate).Distinct().Count()); // one value per day
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1), offTrack.LatestValueDate.ToDateOnly());
        Assert.Contains("below the target", offTrack.StatusReason, StringComparison.Ordinal);
        Assert.Equal(12, (await api.Problems.GetProblemAsync(new Discovery.GetProblemRequest { Name = problem.Name }, cancellationToken: Cancel)).Evidence.InsightCount);
    }

    private static async Task<Strategy.Kpi> Kpi(LodestarClients api, string name) =>
        await api.Kpis.GetKpiAsync(new Strategy.GetKpiRequest { Name = name }, cancellationToken: Cancel);

    private static async Task<Strategy.Goal> Goal(LodestarClients api, string name) =>
        await api.Goals.GetGoalAsync(new Strategy.GetGoalRequest { Name = name }, cancellationToken: Cancel);

    private static async Task<Strategy.Initiative> Initiative(LodestarClients api, string name) =>
        await api.Roadmap.GetInitiativeAsync(new Strategy.GetInitiativeRequest { Name = name }, cancellationToken: Cancel);

    private static async Task<Discovery.Hypothesis> Hypothesis(LodestarClients api, string name) =>
        await api.Hypotheses.GetHypothesisAsync(new Discovery.GetHypothesisRequest { Name = name }, cancellationToken: Cancel);
}
