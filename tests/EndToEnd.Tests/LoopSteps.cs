using Lodestar.Api;
using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Lodestar.AppHost.Seeding;
using Backlog = Lodestar.Backlog.V1;
using Discovery = Lodestar.Discovery.V1;
using Metrics = Lodestar.Metrics.V1;
using Strategy = Lodestar.Strategy.V1;

namespace EndToEnd.Tests;

/// <summary>The steps of the product loop, each through the gateway as one workspace's admin.</summary>
internal sealed class LoopSteps(LodestarClients api, HttpClient rest)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public async Task<(Strategy.Goal Goal, Strategy.Kpi Kpi)> GoalAndKpiAsync(string product, string metric)
    {
        var goal = await api.Goals.CreateGoalAsync(new Strategy.CreateGoalRequest
        {
            Goal = new Strategy.Goal { Product = product, Title = "Make reporting a habit", PeriodStart = Today.AddDays(-30).ToProto(), PeriodEnd = Today.AddDays(60).ToProto() },
        }, cancellationToken: Cancel);
        await api.Goals.CreateKeyResultAsync(new Strategy.CreateKeyResultRequest
        {
            Parent = goal.Name,
            KeyResult = new Strategy.KeyResult { Title = "Stickiness at 40 %", Baseline = 0, Target = 0.4, MetricKey = metric },
        }, cancellationToken: Cancel);
        var kpi = await api.Kpis.CreateKpiAsync(new Strategy.CreateKpiRequest
        {
            Kpi = new Strategy.Kpi
            {
                Product = product, DisplayName = "Stickiness", MetricKey = metric, Direction = Strategy.KpiDirection.Up,
                Target = 0.4, AtRiskBand = 0.1, NorthStar = true,
            },
        }, cancellationToken: Cancel);
        return (goal, kpi);
    }

    /// <summary>The problem, once discovery knows the product and the goal (both announced by strategy over RabbitMQ).</summary>
    public Task<Discovery.Problem> ProblemAsync(string product, Strategy.Goal goal) =>
        DemoWorkspace.WhenKnownAsync(() => api.Problems.CreateProblemAsync(new Discovery.CreateProblemRequest
        {
            Problem = new Discovery.Problem
            {
                Product = product, Title = "Weekly reports take an afternoon", When = "preparing the weekly review",
                Want = "a report that builds itself", SoThat = "the team acts on numbers, not on guesses", Goals = { goal.Name },
            },
        }, cancellationToken: Cancel).ResponseAsync, Cancel);

    /// <summary>
    /// Two items ranked by evidence-based RICE: the one solving the problem starts low (no evidence yet, a modest guess),
    /// the other high.
    /// </summary>
    public async Task<(Backlog.BacklogItem Solution, Backlog.BacklogItem Other)> TwoItemsAsync(string product, Discovery.Problem problem)
    {
        await DemoWorkspace.WhenKnownAsync(() => api.Prioritization.UpdateBacklogSettingsAsync(new Backlog.UpdateBacklogSettingsRequest
        {
            BacklogSettings = new Backlog.BacklogSettings { Name = product + "/backlogSettings", EvidenceBasedRice = true, UsersPerCustomer = 50 },
            UpdateMask = new FieldMask { Paths = { "evidence_based_rice", "users_per_customer" } },
        }, cancellationToken: Cancel).ResponseAsync, Cancel);
        var solution = await api.Items.CreateBacklogItemAsync(new Backlog.CreateBacklogItemRequest
        {
            BacklogItem = new Backlog.BacklogItem
            {
                Product = product, Type = Backlog.ItemType.Feature, Title = "Report templates", EstimatePoints = 5, Problems = { problem.Name },
                Rice = new Backlog.RiceInputs { Reach = 20, Impact = 2, Confidence = 50, Effort = 2 },
            },
        }, cancellationToken: Cancel);
        var other = await api.Items.CreateBacklogItemAsync(new Backlog.CreateBacklogItemRequest
        {
            BacklogItem = new Backlog.BacklogItem
            {
                Product = product, Type = Backlog.ItemType.Feature, Title = "Dark mode", EstimatePoints = 3,
                Rice = new Backlog.RiceInputs { Reach = 200, Impact = 1, Confidence = 80, Effort = 1 },
            },
        }, cancellationToken: Cancel);
        return (solution, other);
    }

    /// <summary>The ranked backlog's item names, read over REST.</summary>
    public async Task<string[]> RankedAsync(string product)
    {
        var backlog = await rest.CallAsync(HttpMethod.Get, $"/v1/{product}/backlog");
        return [.. backlog.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("backlogItem").Str("name"))];
    }

    /// <summary>One interview per customer, captured in one REST batch; returns the insights' names.</summary>
    public async Task<string[]> CaptureInsightsAsync(string product, int customers)
    {
        var requests = Enumerable.Range(1, customers).Select(i => new
        {
            insight = new
            {
                product,
                source = "INSIGHT_SOURCE_INTERVIEW",
                summary = $"Customer {i} spends hours assembling the weekly report by hand.",
                customer = new { accountId = $"acct-{i}", displayName = $"Customer {i}", segment = "Mid-market" },
                importance = 3,
                captureTime = DateTime.UtcNow.AddDays(-i).ToString("O"),
            },
        });
        var created = await rest.CallAsync(HttpMethod.Post, "/v1/insights:batchCreate", new { requests });
        return [.. created.GetProperty("insights").EnumerateArray().Select(i => i.Str("name"))];
    }

    /// <summary>
    /// A hypothesis that templates raise report creation, an experiment in metrics testing it (running), and the links
    /// between them, the item and the goal.
    /// </summary>
    public async Task<(Discovery.Hypothesis Hypothesis, Metrics.Experiment Experiment)> HypothesisWithExperimentAsync(
        string product, Discovery.Problem problem, Backlog.BacklogItem solution, Strategy.Goal goal)
    {
        var hypothesis = await api.Hypotheses.CreateHypothesisAsync(new Discovery.CreateHypothesisRequest
        {
            Hypothesis = new Discovery.Hypothesis
            {
                Product = product, Change = "Offer report templates", Outcome = "more teams create a weekly report",
                MetricKey = "report.created", MinimumEffect = 0.5, Problem = problem.Name, BacklogItem = solution.Name,
            },
        }, cancellationToken: Cancel);
        var experiment = await DemoWorkspace.WhenKnownAsync(() => api.Experiments.CreateExperimentAsync(new Metrics.CreateExperimentRequest
        {
            Parent = product,
            Experiment = new Metrics.Experiment
            {
                Key = "report-templates", DisplayName = "Report templates", Hypothesis = hypothesis.Name, ConversionEvent = "report.created",
                BaselineConversionRate = 0.1, MinimumDetectableEffect = 0.5,
                Variants =
                {
                    new Metrics.Variant { Key = "control", WeightPercent = 50, Control = true },
                    new Metrics.Variant { Key = "templates", WeightPercent = 50 },
                },
            },
        }, cancellationToken: Cancel).ResponseAsync, Cancel);
        experiment = await api.Experiments.StartExperimentAsync(new Metrics.StartExperimentRequest { Name = experiment.Name }, cancellationToken: Cancel);
        hypothesis = await api.Hypotheses.UpdateHypothesisAsync(new Discovery.UpdateHypothesisRequest
        {
            Hypothesis = new Discovery.Hypothesis
            {
                Name = hypothesis.Name, Experiment = "experiments/" + experiment.Name.Split('/')[^1], Status = Discovery.HypothesisStatus.Testing,
            },
            UpdateMask = new FieldMask { Paths = { "experiment", "status" } },
        }, cancellationToken: Cancel);
        await api.Items.UpdateBacklogItemAsync(new Backlog.UpdateBacklogItemRequest
        {
            BacklogItem = new Backlog.BacklogItem { Name = solution.Name, Hypotheses = { hypothesis.Name } },
            UpdateMask = new FieldMask { Paths = { "hypotheses" } },
        }, cancellationToken: Cancel);
        await api.Goals.UpdateGoalAsync(new Strategy.UpdateGoalRequest
        {
            Goal = new Strategy.Goal { Name = goal.Name, Hypotheses = { hypothesis.Name } },
            UpdateMask = new FieldMask { Paths = { "hypotheses" } },
        }, cancellationToken: Cancel);
        return (hypothesis, experiment);
    }

    /// <summary>
    /// Exposes <paramref name="users"/> users today and sends their usage: everyone opened the app yesterday (the last
    /// complete day, which metric values describe) and opens it today; 60 % of the templates variant and 10 % of the
    /// control create a report. Returns how many users were active.
    /// </summary>
    public async Task<int> ExposeAndConvertAsync(string product, Metrics.Experiment experiment, int users)
    {
        var variants = new string[users];
        for (var i = 0; i < users; i++)
        {
            variants[i] = (await api.Experiments.AssignVariantAsync(new Metrics.AssignVariantRequest { Experiment = experiment.Name, UserId = $"user-{i}" },
                cancellationToken: Cancel)).Variant;
        }
        var now = DateTime.UtcNow;
        var events = new List<Metrics.Event>();
        for (var i = 0; i < users; i++)
        {
            events.Add(Event($"opened-yesterday-{i}", $"user-{i}", "app.opened", now.Date.AddDays(-1).AddHours(12)));
            events.Add(Event($"open-{i}", $"user-{i}", "app.opened", now));
            var converts = variants[i] == "templates" ? i % 10 < 6 : i % 10 == 0;
            if (converts) events.Add(Event($"report-{i}", $"user-{i}", "report.created", now));
        }
        await TrackAsync(product, events);
        return users;
    }

    /// <summary><paramref name="count"/> users who were active ten days ago and not since: monthly users grow, daily do not.</summary>
    public Task LapsedUsersAsync(string product, int count)
    {
        var then = DateTime.UtcNow.AddDays(-10);
        return TrackAsync(product, [.. Enumerable.Range(0, count).Select(i => Event($"lapsed-{i}", $"lapsed-{i}", "app.opened", then))]);
    }

    /// <summary>Walks the item through delivery to shipped (gRPC).</summary>
    public async Task<Backlog.BacklogItem> ShipAsync(Backlog.BacklogItem item)
    {
        foreach (var status in new[] { Backlog.ItemStatus.Ready, Backlog.ItemStatus.InProgress, Backlog.ItemStatus.Done, Backlog.ItemStatus.Shipped })
        {
            item = await api.Items.UpdateBacklogItemAsync(new Backlog.UpdateBacklogItemRequest
            {
                BacklogItem = new Backlog.BacklogItem { Name = item.Name, Status = status },
                UpdateMask = new FieldMask { Paths = { "status" } },
            }, cancellationToken: Cancel);
        }
        return item;
    }

    /// <summary>The product's release markers, read over REST.</summary>
    public async Task<List<JsonElement>> ReleaseMarkersAsync(string product)
    {
        var markers = await rest.CallAsync(HttpMethod.Get, $"/v1/{product}/releaseMarkers");
        return markers.TryGetProperty("releaseMarkers", out var list) ? [.. list.EnumerateArray()] : [];
    }

    /// <summary>The problems discovery opened for the KPI on <paramref name="metric"/>.</summary>
    public async Task<List<Discovery.Problem>> KpiProblemsAsync(string product, string metric)
    {
        var problems = await api.Problems.ListProblemsAsync(new Discovery.ListProblemsRequest { Product = product, PageSize = 100 }, cancellationToken: Cancel);
        return [.. problems.Problems.Where(p => p.Title == $"KPI {metric} off track")];
    }

    private async Task TrackAsync(string product, List<Metrics.Event> events)
    {
        foreach (var batch in events.Chunk(1000))
        {
            var tracked = await api.Events.BatchTrackEventsAsync(new Metrics.BatchTrackEventsRequest { Parent = product, Events = { batch } }, cancellationToken: Cancel);
            Assert.Equal(batch.Length, tracked.AcceptedCount);
        }
    }

    private static Metrics.Event Event(string id, string user, string name, DateTime at) =>
        new() { EventId = id, UserId = user, EventName = name, EventTime = Timestamp.FromDateTime(at) };
}
