using Lodestar.Api;
using Lodestar.AppHost.Seeding;
using Backlog = Lodestar.Backlog.V1;
using Discovery = Lodestar.Discovery.V1;
using Metrics = Lodestar.Metrics.V1;
using Strategy = Lodestar.Strategy.V1;

namespace EndToEnd.Tests;

/// <summary>The demo seed fills every part of a workspace through the gateway, and leaves a seeded workspace alone.</summary>
[Collection(SharedPlatform.Name)]
public sealed class DemoWorkspaceTests(PlatformFixture fixture)
{
    private const string Admin = "demo-admin";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_seed_gives_every_screen_data_and_runs_once()
    {
        var workspace = await fixture.NewWorkspaceAsync(Admin);
        var api = fixture.Clients(Admin, workspace);
        var summary = await DemoWorkspace.SeedAsync(api, TextWriter.Null, Cancel);
        Assert.NotNull(summary);
        Assert.Null(await DemoWorkspace.SeedAsync(api, TextWriter.Null, Cancel));
        var product = summary.Product;

        // Strategy: positioning, goals with key results, KPIs with one North Star, a roadmap.
        var positioning = await api.Products.GetPositioningAsync(new Strategy.GetPositioningRequest { Name = product + "/positioning" }, cancellationToken: Cancel);
        Assert.Contains("operations leads", positioning.Statement, StringComparison.Ordinal);
        var goals = (await api.Goals.ListGoalsAsync(new Strategy.ListGoalsRequest { Product = product }, cancellationToken: Cancel)).Goals;
        Assert.Equal(2, goals.Count);
        Assert.All(goals, g => Assert.NotEmpty(g.KeyResults));
        var kpis = (await api.Kpis.ListKpisAsync(new Strategy.ListKpisRequest { Product = product }, cancellationToken: Cancel)).Kpis;
        Assert.Single(kpis, k => k.NorthStar);
        var roadmap = await api.Roadmap.GetRoadmapAsync(new Strategy.GetRoadmapRequest { Name = product + "/roadmap" }, cancellationToken: Cancel);
        Assert.Equal(3, roadmap.Columns.Sum(c => c.Initiatives.Count));

        // Discovery: personas, a few hundred insights, problems with evidence, hypotheses.
        Assert.Equal(3, (await api.Personas.ListPersonasAsync(new Discovery.ListPersonasRequest { Product = product }, cancellationToken: Cancel)).Personas.Count);
        Assert.InRange(summary.Insights, 300, 1000);
        var problems = (await api.Problems.ListProblemsAsync(new Discovery.ListProblemsRequest { Product = product }, cancellationToken: Cancel)).Problems;
        // Besides the six seeded problems, discovery opens one for each KPI that fell off track while the usage arrived.
        var seeded = problems.Where(p => !p.Title.StartsWith("KPI ", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, seeded.Count);
        Assert.All(seeded, p => Assert.True(p.Evidence.InsightCount > 5, $"{p.Title}: {p.Evidence.InsightCount} insights"));
        Assert.Equal(4, (await api.Hypotheses.ListHypothesesAsync(new Discovery.ListHypothesesRequest { Product = product }, cancellationToken: Cancel)).Hypotheses.Count);

        // Backlog: ranked, with evidence behind the items that solve problems, and a sprint history.
        var ranked = await Eventually.GetAsync(() => Ranked(api, product), r => r.Entries.Any(e => e.BacklogItem.Evidence.InsightCount > 0), seconds: 60);
        Assert.True(ranked.Entries.Count >= 15, $"{ranked.Entries.Count} open items");
        var sprints = (await api.Sprints.ListSprintsAsync(new Backlog.ListSprintsRequest { Product = product }, cancellationToken: Cancel)).Sprints;
        Assert.Equal(3, sprints.Count(s => s.State == Backlog.SprintState.Completed));
        Assert.Single(sprints, s => s.State == Backlog.SprintState.Active);

        // Metrics: 90 days of activity, metric values (KPIs follow them), release markers, NPS, a running experiment.
        var activity = await api.Activity.GetActivityAsync(new Metrics.GetActivityRequest
        {
            Product = product, StartDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-89)).ToProto(), EndDate = DateOnly.FromDateTime(DateTime.UtcNow).ToProto(),
        }, cancellationToken: Cancel);
        Assert.Equal(90, activity.Days.Count);
        Assert.True(activity.Days.Count(d => d.DailyActiveUsers > 0) >= 85, "active users on most days");
        Assert.InRange(summary.Users, 2000, 10000);
        var values = await Eventually.GetAsync(() => MetricKeys(api, product), keys => keys.IsSupersetOf(["dau", "wau", "mau", "nps", "retention_d7"]), seconds: 60);
        Assert.Superset(new HashSet<string> { "dau", "wau", "mau", "nps", "retention_d7" }, values);
        // NPS is below its target on purpose: the demo shows a KPI off track and the problem discovery opened for it. A
        // recompute may fall while the answers are still arriving, so the value settles at the next one.
        var strategyKpis = await Eventually.GetAsync(() => Kpis(api, product),
            k => k.All(x => x.Status != Strategy.KpiStatus.NoData) && k.Single(x => x.MetricKey == "nps").Status == Strategy.KpiStatus.OffTrack, seconds: 120);
        Assert.All(strategyKpis, k => Assert.NotEqual(Strategy.KpiStatus.NoData, k.Status));
        Assert.Equal(Strategy.KpiStatus.OffTrack, strategyKpis.Single(k => k.MetricKey == "nps").Status);
        var npsProblem = await Eventually.GetAsync(() => api.Problems.ListProblemsAsync(new Discovery.ListProblemsRequest { Product = product }, cancellationToken: Cancel).ResponseAsync,
            p => p.Problems.Any(x => x.Title == "KPI nps off track"), seconds: 60);
        Assert.Contains(npsProblem.Problems, p => p.Title == "KPI nps off track");
        var markers = await Eventually.GetAsync(() => Markers(api, product), m => m.Count >= 6, seconds: 60);
        Assert.Equal(6, markers.Count);
        var nps = await api.Surveys.GetNpsReportAsync(new Metrics.GetNpsReportRequest
        {
            Product = product, StartDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-89)).ToProto(), EndDate = DateOnly.FromDateTime(DateTime.UtcNow).ToProto(),
        }, cancellationToken: Cancel);
        Assert.True(nps.Overall.Responses > 300, $"{nps.Overall.Responses} NPS answers");
        var experiments = (await api.Experiments.ListExperimentsAsync(new Metrics.ListExperimentsRequest { Parent = product }, cancellationToken: Cancel)).Experiments;
        var experiment = Assert.Single(experiments);
        Assert.Equal(Metrics.ExperimentState.Running, experiment.State);
        var analysis = await api.Experiments.AnalyzeExperimentAsync(new Metrics.AnalyzeExperimentRequest { Name = experiment.Name }, cancellationToken: Cancel);
        Assert.All(analysis.Variants, v => Assert.True(v.Users > 300 && v.Conversions > 0, $"{v.Key}: {v.Users} users, {v.Conversions} conversions"));
    }

    private static async Task<Backlog.RankedBacklog> Ranked(LodestarClients api, string product) =>
        await api.Prioritization.GetRankedBacklogAsync(new Backlog.GetRankedBacklogRequest { Name = product + "/backlog", PageSize = 100 }, cancellationToken: Cancel);

    private static async Task<HashSet<string>> MetricKeys(LodestarClients api, string product) =>
        [.. (await api.MetricValues.ListMetricValuesAsync(new Metrics.ListMetricValuesRequest { Parent = product }, cancellationToken: Cancel)).MetricValues.Select(v => v.MetricKey)];

    private static async Task<List<Strategy.Kpi>> Kpis(LodestarClients api, string product) =>
        [.. (await api.Kpis.ListKpisAsync(new Strategy.ListKpisRequest { Product = product }, cancellationToken: Cancel)).Kpis];

    private static async Task<List<Metrics.ReleaseMarker>> Markers(LodestarClients api, string product) =>
        [.. (await api.MetricValues.ListReleaseMarkersAsync(new Metrics.ListReleaseMarkersRequest { Parent = product }, cancellationToken: Cancel)).ReleaseMarkers];
}
