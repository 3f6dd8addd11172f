using Discovery.FunctionalTests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Discovery.V1;
using Lodestar.Persistence;

namespace Discovery.FunctionalTests.Hypotheses;

/// <summary>Hypotheses, their status events, and the verdicts and KPI breaches that arrive from other services.</summary>
public sealed class HypothesisTests(DiscoveryHosts hosts) : IClassFixture<DiscoveryHosts>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(DiscoveryHosts.Providers), MemberType = typeof(DiscoveryHosts))]
    public async Task Hypotheses_publish_status_changes_and_take_experiment_verdicts(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var product = await hosts.NewProductAsync(provider, workspace);
        var hypotheses = hosts.Hypotheses(provider, workspace);
        var admin = await hosts.Personas(provider, workspace).CreatePersonaAsync(new CreatePersonaRequest { Persona = new Persona { DisplayName = "IT admin" } }, cancellationToken: Cancel);
        var problem = await hosts.Problems(provider, workspace).CreateProblemAsync(new CreateProblemRequest { Problem = new Problem { Product = product, Title = "Slow setup" } }, cancellationToken: Cancel);
        await using var probe = await BrokerProbe.StartAsync(hosts.EventBus(provider), typeof(HypothesisStatusChanged));

        var experiment = Guid.NewGuid();
        var hypothesis = await hypotheses.CreateHypothesisAsync(new CreateHypothesisRequest { Hypothesis = new Hypothesis
        {
            Product = product, Change = "a guided setup", Persona = admin.Name, Outcome = "finish setup on day one", MetricKey = "activation_rate",
            MinimumEffect = 0.05, Problem = problem.Name, Experiment = $"experiments/{experiment}",
        } }, cancellationToken: Cancel);
        Assert.Equal("We believe a guided setup for IT admin will finish setup on day one; we will know when activation_rate moves by 0.05.", hypothesis.Statement);
        Assert.Equal(HypothesisStatus.Draft, hypothesis.Status);
        var id = hypothesis.Name["hypotheses/".Length..];
        await probe.WaitForAsync<HypothesisStatusChanged>(m => m.GetProperty("hypothesisId").GetString() == id && m.GetProperty("status").GetString() == "draft");

        var testing = await hypotheses.UpdateHypothesisAsync(new UpdateHypothesisRequest
        {
            Hypothesis = new Hypothesis { Name = hypothesis.Name, Status = HypothesisStatus.Testing }, UpdateMask = new FieldMask { Paths = { "status" } },
        }, cancellationToken: Cancel);
        Assert.Equal(HypothesisStatus.Testing, testing.Status);
        await probe.WaitForAsync<HypothesisStatusChanged>(m => m.GetProperty("hypothesisId").GetString() == id && m.GetProperty("status").GetString() == "testing");

        // Metrics concludes the experiment linked to it (the event names no hypothesis); a redelivery changes nothing.
        var concluded = new ExperimentConcluded(experiment, null, "invalidated", 0.42) { WorkspaceId = workspace };
        await hosts.PublishAsync(provider, concluded);
        await hosts.PublishAsync(provider, concluded);
        var invalidated = await Eventually.GetAsync(() => hypotheses.GetHypothesisAsync(new GetHypothesisRequest { Name = hypothesis.Name }, cancellationToken: Cancel).ResponseAsync,
            h => h.Status == HypothesisStatus.Invalidated);
        Assert.Equal((HypothesisStatus.Invalidated, "invalidated", 0.42, $"experiments/{experiment}"),
            (invalidated.Status, invalidated.Result.Verdict, invalidated.Result.PValue, invalidated.Result.Experiment));
        var published = await probe.WaitForAsync<HypothesisStatusChanged>(m => m.GetProperty("hypothesisId").GetString() == id && m.GetProperty("status").GetString() == "invalidated");
        Assert.Equal("activation_rate", published.GetProperty("metricKey").GetString());
        await Task.Delay(500, Cancel);
        Assert.Single(probe.All<HypothesisStatusChanged>(), m => m.GetProperty("status").GetString() == "invalidated");

        var listed = await hypotheses.ListHypothesesAsync(new ListHypothesesRequest { Problem = problem.Name, Statuses = { HypothesisStatus.Invalidated } }, cancellationToken: Cancel);
        Assert.Equal([hypothesis.Name], listed.Hypotheses.Select(h => h.Name));
        await hypotheses.DeleteHypothesisAsync(new DeleteHypothesisRequest { Name = hypothesis.Name }, cancellationToken: Cancel);
        await Rpc.FailsAsync(StatusCode.NotFound, hypotheses.GetHypothesisAsync(new GetHypothesisRequest { Name = hypothesis.Name }, cancellationToken: Cancel));
    }

    [Theory, MemberData(nameof(DiscoveryHosts.Providers), MemberType = typeof(DiscoveryHosts))]
    public async Task A_validated_experiment_validates_a_hypothesis_only_when_its_lift_reaches_the_minimum_effect_clear_of_zero(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var product = await hosts.NewProductAsync(provider, workspace);
        var hypotheses = hosts.Hypotheses(provider, workspace);

        async Task<Hypothesis> ConcludedAsync(double lift, double low, double high)
        {
            var experiment = Guid.NewGuid();
            var hypothesis = await hypotheses.CreateHypothesisAsync(new CreateHypothesisRequest { Hypothesis = new Hypothesis
            {
                Product = product, Change = "templates", Outcome = "more reports", MetricKey = "report_created", MinimumEffect = 0.05, Experiment = $"experiments/{experiment}",
            } }, cancellationToken: Cancel);
            await hosts.PublishAsync(provider, new ExperimentConcluded(experiment, null, "validated", 0.001)
            {
                WorkspaceId = workspace, Variant = "templates", RelativeLift = lift, RelativeIntervalLow = low, RelativeIntervalHigh = high,
                Reason = "Variant templates is better than the control.",
            });
            return await Eventually.GetAsync(() => hypotheses.GetHypothesisAsync(new GetHypothesisRequest { Name = hypothesis.Name }, cancellationToken: Cancel).ResponseAsync,
                h => h.Result is not null);
        }

        var reaches = await ConcludedAsync(0.08, 0.02, 0.14);
        Assert.Equal((HypothesisStatus.Validated, "validated", 0.05, "templates", 0.08), (reaches.Status, reaches.Result.Verdict, reaches.Result.MinimumEffect, reaches.Result.Variant, reaches.Result.RelativeLift));
        Assert.Equal("Variant templates is better than the control. The lift reaches the minimum effect of +5% (lift +8%, 95 % interval +2% to +14%).", reaches.Result.Reason);

        var smaller = await ConcludedAsync(0.03, 0.01, 0.05);
        Assert.Equal((HypothesisStatus.Inconclusive, "inconclusive"), (smaller.Status, smaller.Result.Verdict));
        Assert.Contains("smaller than the minimum effect of +5%", smaller.Result.Reason, StringComparison.Ordinal);

        var unclear = await ConcludedAsync(0.2, -0.02, 0.42);
        Assert.Equal(HypothesisStatus.Inconclusive, unclear.Status);
        Assert.Contains("not clear of zero (lift +20%, 95 % interval -2% to +42%)", unclear.Result.Reason, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(DiscoveryHosts.Providers), MemberType = typeof(DiscoveryHosts))]
    public async Task Bad_hypotheses_name_their_fields(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var product = await hosts.NewProductAsync(provider, workspace);
        var other = await hosts.NewProductAsync(provider, workspace, "Other");
        var foreignProblem = await hosts.Problems(provider, workspace).CreateProblemAsync(new CreateProblemRequest { Problem = new Problem { Product = other, Title = "Elsewhere" } }, cancellationToken: Cancel);
        var hypotheses = hosts.Hypotheses(provider, workspace);
        await Rpc.InvalidAsync(hypotheses.CreateHypothesisAsync(new CreateHypothesisRequest { Hypothesis = new Hypothesis
        {
            Product = product, Change = "", Outcome = "", MetricKey = "Activation Rate", MinimumEffect = 0, Experiment = "exp-1", Status = (HypothesisStatus)7,
        } }, cancellationToken: Cancel),
            "hypothesis.change", "hypothesis.outcome", "hypothesis.metric_key", "hypothesis.minimum_effect", "hypothesis.experiment", "hypothesis.status");
        await Rpc.InvalidAsync(hypotheses.CreateHypothesisAsync(new CreateHypothesisRequest { Hypothesis = new Hypothesis
        {
            Product = product, Change = "x", Outcome = "y", MetricKey = "k", MinimumEffect = 1, Problem = foreignProblem.Name,
        } }, cancellationToken: Cancel), "hypothesis.problem");
        await Rpc.FailsAsync(StatusCode.NotFound, hypotheses.CreateHypothesisAsync(new CreateHypothesisRequest { Hypothesis = new Hypothesis
        {
            Product = product, Change = "x", Outcome = "y", MetricKey = "k", MinimumEffect = 1, Persona = $"personas/{Guid.NewGuid()}",
        } }, cancellationToken: Cancel));
        Assert.Empty((await hypotheses.ListHypothesesAsync(new ListHypothesesRequest { Product = product }, cancellationToken: Cancel)).Hypotheses);
    }

    [Theory, MemberData(nameof(DiscoveryHosts.Providers), MemberType = typeof(DiscoveryHosts))]
    public async Task A_kpi_falling_off_track_opens_one_problem_per_breach_with_the_value_its_day_and_the_threshold_as_evidence(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var product = await hosts.NewProductAsync(provider, workspace);
        var productId = Guid.Parse(product["products/".Length..]);
        var kpi = Guid.NewGuid();
        var problems = hosts.Problems(provider, workspace);
        async Task<List<Problem>> KpiProblemsAsync() =>
            [.. (await problems.ListProblemsAsync(new ListProblemsRequest { Product = product }, cancellationToken: Cancel)).Problems.Where(p => p.Title == "KPI activation_rate off track")];

        const string reason = "activation_rate was 0.18 on 2026-12-05: below the target 0.3 by more than the at-risk band of 0.1.";
        var breach = new KpiStatusChanged(kpi, productId, "activation_rate", "off-track", "at-risk", 0.18)
        {
            WorkspaceId = workspace, AsOfDate = new DateOnly(2026, 12, 5), Target = 0.3, AtRiskBand = 0.1, Direction = "up", Reason = reason,
        };
        await hosts.PublishAsync(provider, breach);
        await hosts.PublishAsync(provider, breach);
        var opened = await Eventually.GetAsync(KpiProblemsAsync, list => list.Count == 1);
        var problem = Assert.Single(opened);
        Assert.Equal((1, ProblemStatus.New, $"{reason} Was at-risk."), (problem.Evidence.InsightCount, problem.Status, problem.When));
        Assert.Equal(($"kpis/{kpi}", 2026, 12, 5), (problem.OpenedByKpi, problem.OpenedByKpiDate.Year, problem.OpenedByKpiDate.Month, problem.OpenedByKpiDate.Day));
        var evidence = (await hosts.Insights(provider, workspace).ListInsightsAsync(new ListInsightsRequest { Problem = problem.Name }, cancellationToken: Cancel)).Insights.Single();
        Assert.Equal((InsightSource.Analytics, $"KPI activation_rate went off track on 2026-12-05 (was at-risk): {reason}", 3), (evidence.Source, evidence.Summary, evidence.Importance));

        // Still off track (a second report of the same breach): no new problem. Back on track, then off again: a new one.
        await hosts.PublishAsync(provider, new KpiStatusChanged(kpi, productId, "activation_rate", "off-track", "off-track", 0.17) { WorkspaceId = workspace });
        await hosts.PublishAsync(provider, new KpiStatusChanged(kpi, productId, "activation_rate", "on-track", "off-track", 0.3) { WorkspaceId = workspace });
        await hosts.PublishAsync(provider, new KpiStatusChanged(kpi, productId, "activation_rate", "off-track", "on-track", 0.1) { WorkspaceId = workspace });
        var reopened = await Eventually.GetAsync(KpiProblemsAsync, list => list.Count == 2);
        Assert.Equal(2, reopened.Count);
        await Task.Delay(500, Cancel);
        Assert.Equal(2, (await KpiProblemsAsync()).Count);
    }
}
