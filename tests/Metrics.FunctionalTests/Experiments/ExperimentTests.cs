using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Metrics.V1;
using Lodestar.Metrics.Infrastructure;
using Lodestar.Persistence;
using Lodestar.Security;
using Metrics.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.FunctionalTests.Experiments;

/// <summary>Experiments from design to verdict: validation, sticky assignment, analysis, conclusion and its event.</summary>
public sealed class ExperimentTests(MetricsHosts hosts) : IClassFixture<MetricsHosts>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(MetricsHosts.Providers), MemberType = typeof(MetricsHosts))]
    public async Task A_design_with_bad_weights_controls_or_rates_names_every_problem(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var product = await hosts.NewProductAsync(provider, workspace);
        var experiments = hosts.Experiments(provider, workspace);
        var design = Design("Bad");
        design.Key = "Bad Key";
        design.Variants.Clear();
        design.Variants.Add(new Variant { Key = "a", WeightPercent = 50, Control = true });
        design.Variants.Add(new Variant { Key = "b", WeightPercent = 40, Control = true });
        design.ConversionEvent = "";
        design.BaselineConversionRate = 1.5;
        design.Guardrails.Add(new Guardrail { EventName = "9" });

        await Rpc.InvalidAsync(experiments.CreateExperimentAsync(new CreateExperimentRequest { Parent = product, Experiment = design }, cancellationToken: Cancel),
            "experiment.key", "experiment.variants", "experiment.variants", "experiment.conversion_event", "experiment.guardrails[1].event_name",
            "experiment.baseline_conversion_rate");
        Assert.Empty((await experiments.ListExperimentsAsync(new ListExperimentsRequest { Parent = product }, cancellationToken: Cancel)).Experiments);
        var draft = await experiments.CreateExperimentAsync(new CreateExperimentRequest { Parent = product, Experiment = Design("draft") }, cancellationToken: Cancel);
        await Rpc.FailsAsync(StatusCode.AlreadyExists, experiments.CreateExperimentAsync(new CreateExperimentRequest { Parent = product, Experiment = Design("draft") }, cancellationToken: Cancel));
        Assert.Equal(ExperimentState.Draft, Assert.Single((await experiments.ListExperimentsAsync(
            new ListExperimentsRequest { Parent = product, State = ExperimentState.Draft }, cancellationToken: Cancel)).Experiments).State);
        await experiments.DeleteExperimentAsync(new DeleteExperimentRequest { Name = draft.Name, Etag = draft.Metadata.Etag }, cancellationToken: Cancel);
        await Rpc.FailsAsync(StatusCode.NotFound, experiments.GetExperimentAsync(new GetExperimentRequest { Name = draft.Name }, cancellationToken: Cancel));
        var sampleSize = await experiments.CalculateSampleSizeAsync(new CalculateSampleSizeRequest
        {
            BaselineConversionRate = 0.10, MinimumDetectableEffect = 0.20, DailyUsers = 1000,
        }, cancellationToken: Cancel);
        Assert.Equal((3841L, 7682L, 8), (sampleSize.UsersPerVariant, sampleSize.TotalUsers, sampleSize.Days));
        await Rpc.InvalidAsync(experiments.CalculateSampleSizeAsync(new CalculateSampleSizeRequest { BaselineConversionRate = 0, MinimumDetectableEffect = 0.1, VariantCount = 11 }, cancellationToken: Cancel),
            "baseline_conversion_rate", "variant_count");
    }

    [Theory, MemberData(nameof(MetricsHosts.Providers), MemberType = typeof(MetricsHosts))]
    public async Task Assignment_is_sticky_matches_the_weights_and_logs_one_exposure_per_user(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var product = await hosts.NewProductAsync(provider, workspace);
        var experiments = hosts.Experiments(provider, workspace);
        var design = Design("split");
        design.Variants[0].WeightPercent = 20;
        design.Variants[1].WeightPercent = 80;
        var experiment = await experiments.CreateExperimentAsync(new CreateExperimentRequest { Parent = product, Experiment = design }, cancellationToken: Cancel);

        await Rpc.FailsAsync(StatusCode.FailedPrecondition, experiments.AssignVariantAsync(new AssignVariantRequest { Experiment = experiment.Name, UserId = "u1" }, cancellationToken: Cancel));
        await Rpc.FailsAsync(StatusCode.FailedPrecondition, experiments.AnalyzeExperimentAsync(new AnalyzeExperimentRequest { Name = experiment.Name }, cancellationToken: Cancel));
        experiment = await experiments.StartExperimentAsync(new StartExperimentRequest { Name = experiment.Name }, cancellationToken: Cancel);
        await Rpc.FailsAsync(StatusCode.FailedPrecondition, experiments.AnalyzeExperimentAsync(new AnalyzeExperimentRequest { Name = experiment.Name }, cancellationToken: Cancel));

        var first = await experiments.AssignVariantAsync(new AssignVariantRequest { Experiment = experiment.Name, UserId = "u1" }, cancellationToken: Cancel);
        var second = await experiments.AssignVariantAsync(new AssignVariantRequest { Experiment = experiment.Name, UserId = "u1" }, cancellationToken: Cancel);
        Assert.True(first.FirstExposure);
        Assert.False(second.FirstExposure);
        Assert.Equal((first.Variant, first.ExposureTime), (second.Variant, second.ExposureTime));

        var counts = new Dictionary<string, int>();
        for (var i = 0; i < 1000; i++)
        {
            var assignment = await experiments.AssignVariantAsync(new AssignVariantRequest { Experiment = experiment.Name, AnonymousId = $"device-{i}" }, cancellationToken: Cancel);
            counts[assignment.Variant] = counts.GetValueOrDefault(assignment.Variant) + 1;
        }
        Assert.InRange(counts["control"], 160, 240);
        var analysis = await experiments.AnalyzeExperimentAsync(new AnalyzeExperimentRequest { Name = experiment.Name }, cancellationToken: Cancel);
        Assert.Equal(1001, analysis.Variants.Sum(v => v.Users));
        Assert.False(analysis.SampleRatio.Mismatch);
        await Rpc.InvalidAsync(experiments.AssignVariantAsync(new AssignVariantRequest { Experiment = experiment.Name, UserId = "u1", AnonymousId = "d" }, cancellationToken: Cancel), "user_id");
        await Rpc.FailsAsync(StatusCode.FailedPrecondition, experiments.UpdateExperimentAsync(new UpdateExperimentRequest
        {
            Experiment = new Experiment { Name = experiment.Name, ConversionEvent = "other" }, UpdateMask = new FieldMask { Paths = { "conversion_event" } },
        }, cancellationToken: Cancel));
        var renamed = await experiments.UpdateExperimentAsync(new UpdateExperimentRequest
        {
            Experiment = new Experiment { Name = experiment.Name, DisplayName = "Split test" }, UpdateMask = new FieldMask { Paths = { "display_name" } },
        }, cancellationToken: Cancel);
        Assert.Equal("Split test", renamed.DisplayName);
        await Rpc.FailsAsync(StatusCode.FailedPrecondition, experiments.DeleteExperimentAsync(new DeleteExperimentRequest { Name = experiment.Name }, cancellationToken: Cancel));
    }

    [Theory, MemberData(nameof(MetricsHosts.Providers), MemberType = typeof(MetricsHosts))]
    public async Task The_analysis_counts_conversions_after_exposure_and_a_conclusion_tells_discovery(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var product = await hosts.NewProductAsync(provider, workspace);
        await using var probe = await BrokerProbe.StartAsync(hosts.EventBus(provider), typeof(ExperimentConcluded));
        var experiments = hosts.Experiments(provider, workspace);
        var hypothesis = Guid.NewGuid();
        var design = Design("checkout");
        design.Hypothesis = $"hypotheses/{hypothesis}";
        var experiment = await experiments.CreateExperimentAsync(new CreateExperimentRequest { Parent = product, Experiment = design }, cancellationToken: Cancel);
        await experiments.StartExperimentAsync(new StartExperimentRequest { Name = experiment.Name }, cancellationToken: Cancel);

        // A conversion before exposure does not count.
        await hosts.Events(provider, workspace).TrackEventAsync(new TrackEventRequest { Parent = product, Event = Now("user-199", "purchase", -60) }, cancellationToken: Cancel);
        var arms = new Dictionary<string, List<string>> { ["control"] = [], ["treatment"] = [] };
        for (var i = 0; i < 200; i++)
        {
            var assignment = await experiments.AssignVariantAsync(new AssignVariantRequest { Experiment = experiment.Name, UserId = $"user-{i}" }, cancellationToken: Cancel);
            arms[assignment.Variant].Add($"user-{i}");
        }
        var converters = arms["control"].Take(arms["control"].Count / 5).Concat(arms["treatment"].Take(arms["treatment"].Count / 4)).ToList();
        var events = converters.Select(user => Now(user, "purchase", 1)).Concat(converters.Select(user => Now(user, "purchase", 2)));
        await hosts.Events(provider, workspace).BatchTrackEventsAsync(new BatchTrackEventsRequest { Parent = product, Events = { events } }, cancellationToken: Cancel);

        var analysis = await experiments.AnalyzeExperimentAsync(new AnalyzeExperimentRequest { Name = experiment.Name }, cancellationToken: Cancel);
        var (control, treatment) = (analysis.Variants[0], analysis.Variants[1]);
        Assert.Equal(("control", arms["control"].Count, arms["control"].Count / 5), (control.Key, (int)control.Users, (int)control.Conversions));
        Assert.Equal(("treatment", arms["treatment"].Count, arms["treatment"].Count / 4), (treatment.Key, (int)treatment.Users, (int)treatment.Conversions));
        var expected = Lodestar.Metrics.Domain.Statistics.ProportionTest.Compare(new(control.Users, control.Conversions), new(treatment.Users, treatment.Conversions));
        Assert.Equal(expected.PValue, treatment.PValue, 10);
        Assert.Equal(expected.AbsoluteLift, treatment.AbsoluteLift, 10);
        Assert.Equal(Verdict.Unspecified, analysis.RecommendedVerdict); // far from the planned sample, no sequential boundary
        Assert.False(analysis.PlannedSampleReached);

        var concluded = await experiments.ConcludeExperimentAsync(new ConcludeExperimentRequest { Name = experiment.Name }, cancellationToken: Cancel);
        Assert.Equal((ExperimentState.Concluded, Verdict.Inconclusive, false), (concluded.State, concluded.Conclusion.Verdict, concluded.Conclusion.Automatic));
        Assert.Equal(treatment.Conversions, concluded.Conclusion.Analysis.Variants[1].Conversions);
        var published = await probe.WaitForAsync<ExperimentConcluded>(m => m.GetProperty("experimentId").GetGuid() == Guid.Parse(experiment.Name[^36..]));
        Assert.Equal(("inconclusive", hypothesis), (published.GetProperty("verdict").GetString(), published.GetProperty("hypothesisId").GetGuid()));
        // With the leading variant's relative lift and interval, for discovery to hold them to the hypothesis's minimum effect.
        var controlRate = (double)control.Conversions / control.Users;
        Assert.Equal("treatment", published.GetProperty("variant").GetString());
        Assert.Equal(expected.RelativeLift!.Value, published.GetProperty("relativeLift").GetDouble(), 9);
        Assert.Equal(expected.IntervalLow / controlRate, published.GetProperty("relativeIntervalLow").GetDouble(), 9);
        Assert.Equal(expected.IntervalHigh / controlRate, published.GetProperty("relativeIntervalHigh").GetDouble(), 9);
        var after = await experiments.AssignVariantAsync(new AssignVariantRequest { Experiment = experiment.Name, UserId = "late-user" }, cancellationToken: Cancel);
        Assert.False(after.FirstExposure);
        Assert.Null(after.ExposureTime);
        await Rpc.FailsAsync(StatusCode.FailedPrecondition, experiments.ConcludeExperimentAsync(new ConcludeExperimentRequest { Name = experiment.Name }, cancellationToken: Cancel));
    }

    [Theory, MemberData(nameof(MetricsHosts.Providers), MemberType = typeof(MetricsHosts))]
    public async Task An_analysis_racing_another_save_keeps_the_smallest_p_values_instead_of_failing(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var product = await hosts.NewProductAsync(provider, workspace);
        var experiments = hosts.Experiments(provider, workspace);
        var experiment = await experiments.CreateExperimentAsync(new CreateExperimentRequest { Parent = product, Experiment = Design("race") }, cancellationToken: Cancel);
        await experiments.StartExperimentAsync(new StartExperimentRequest { Name = experiment.Name }, cancellationToken: Cancel);
        var converters = new List<string>();
        for (var i = 0; i < 100; i++)
        {
            var assignment = await experiments.AssignVariantAsync(new AssignVariantRequest { Experiment = experiment.Name, UserId = $"user-{i}" }, cancellationToken: Cancel);
            if (i % (assignment.Variant == "treatment" ? 4 : 5) == 0) converters.Add($"user-{i}");
        }
        await hosts.Events(provider, workspace).BatchTrackEventsAsync(new BatchTrackEventsRequest { Parent = product, Events = { converters.Select(u => Now(u, "purchase", 1)) } }, cancellationToken: Cancel);
        var id = Guid.Parse(experiment.Name[^36..]);
        var host = hosts.Host(provider);
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<WorkspaceContext>().Enter(workspace, WorkspaceRole.Editor, "test");
        var db = scope.ServiceProvider.GetRequiredService<MetricsDbContext>();
        var concluder = scope.ServiceProvider.GetRequiredService<ExperimentConcluder>();
        var mine = await db.Experiments.SingleAsync(e => e.Id == id, Cancel);
        var figures = await concluder.TryAnalyzeAsync(mine, Cancel);
        var myPValue = figures!.Variants[1].SequentialPValue;

        // Another writer (as the monitor does) lowers the p-value and renames the experiment after this one was read.
        const double theirs = 0.5;
        await host.InWorkspaceAsync<MetricsDbContext, int>(workspace, async other =>
        {
            var row = await other.Experiments.SingleAsync(e => e.Id == id, Cancel);
            row.BestSequentialPValues = new(row.BestSequentialPValues) { ["treatment"] = Math.Min(theirs, row.BestSequentialPValues.GetValueOrDefault("treatment", 1)) };
            row.DisplayName = "Renamed meanwhile";
            return await other.SaveChangesAsync(Cancel);
        });
        await concluder.SaveRememberedPValuesAsync(mine, Cancel);

        var stored = await host.InWorkspaceAsync<MetricsDbContext, Lodestar.Metrics.Domain.Experiments.Experiment>(workspace,
            other => other.Experiments.AsNoTracking().SingleAsync(e => e.Id == id, Cancel));
        Assert.Equal(Math.Min(myPValue, theirs), stored.BestSequentialPValues["treatment"], 12);
        Assert.Equal("Renamed meanwhile", stored.DisplayName);
        var analysis = await experiments.AnalyzeExperimentAsync(new AnalyzeExperimentRequest { Name = experiment.Name }, cancellationToken: Cancel);
        Assert.True(analysis.Variants[1].SequentialPValue <= theirs);
    }

    [Theory, MemberData(nameof(MetricsHosts.Providers), MemberType = typeof(MetricsHosts))]
    public async Task A_clear_winner_concludes_on_its_own_at_the_sequential_boundary(DatabaseProvider provider)
    {
        var workspace = Guid.NewGuid();
        var product = await hosts.NewProductAsync(provider, workspace);
        await using var probe = await BrokerProbe.StartAsync(hosts.EventBus(provider), typeof(ExperimentConcluded));
        var experiments = hosts.Experiments(provider, workspace);
        var experiment = await experiments.CreateExperimentAsync(new CreateExperimentRequest { Parent = product, Experiment = Design("winner") }, cancellationToken: Cancel);
        await experiments.StartExperimentAsync(new StartExperimentRequest { Name = experiment.Name }, cancellationToken: Cancel);
        var converters = new List<string>();
        for (var i = 0; i < 400; i++)
        {
            var assignment = await experiments.AssignVariantAsync(new AssignVariantRequest { Experiment = experiment.Name, UserId = $"user-{i}" }, cancellationToken: Cancel);
            if (assignment.Variant == "treatment" || i % 10 == 0) converters.Add($"user-{i}");
        }
        await hosts.Events(provider, workspace).BatchTrackEventsAsync(new BatchTrackEventsRequest { Parent = product, Events = { converters.Select(u => Now(u, "purchase", 1)) } }, cancellationToken: Cancel);

        var concluded = await Eventually.GetAsync(() => experiments.GetExperimentAsync(new GetExperimentRequest { Name = experiment.Name }, cancellationToken: Cancel).ResponseAsync,
            e => e.State == ExperimentState.Concluded);

        Assert.Equal((Verdict.Validated, true), (concluded.Conclusion.Verdict, concluded.Conclusion.Automatic));
        Assert.True(concluded.Conclusion.Analysis.SequentialBoundaryCrossed);
        var published = await probe.WaitForAsync<ExperimentConcluded>(m => m.GetProperty("experimentId").GetGuid() == Guid.Parse(experiment.Name[^36..]));
        Assert.Equal("validated", published.GetProperty("verdict").GetString());
        Assert.True(published.GetProperty("pValue").GetDouble() < 0.05);
    }

    private static Experiment Design(string key) => new()
    {
        Key = key,
        DisplayName = "One-page checkout",
        Variants = { new Variant { Key = "control", WeightPercent = 50, Control = true }, new Variant { Key = "treatment", WeightPercent = 50 } },
        ConversionEvent = "purchase",
        Guardrails = { new Guardrail { EventName = "refund", Direction = GuardrailDirection.IncreaseIsBad } },
        BaselineConversionRate = 0.1,
        MinimumDetectableEffect = 0.1,
    };

    private static Event Now(string user, string name, int seconds) => new()
    {
        EventId = Guid.NewGuid().ToString(), UserId = user, EventName = name, EventTime = Timestamp.FromDateTime(DateTime.UtcNow.AddSeconds(seconds)),
    };
}
