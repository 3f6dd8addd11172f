using Google.Protobuf.WellKnownTypes;
using MetricsV1 = Lodestar.Metrics.V1;

namespace Lodestar.AppHost.Seeding;

/// <summary>
/// The demo's metrics: 90 days of usage by a few thousand users who sign up over the period and drift away on a
/// retention curve, an activation funnel, an NPS survey, and a running experiment with exposures and conversions.
/// </summary>
internal static class DemoUsage
{
    public const int Days = 90;
    public const int Users = 3000;
    private const int SurveyAnswers = 360;
    private const int ExperimentUsers = 800;

    public static async Task<UsageSeed> CreateAsync(LodestarClients api, StrategySeed strategy, string hypothesis, Random random, CancellationToken cancellationToken)
    {
        await DemoWorkspace.WhenKnownAsync(() => api.Funnels.CreateFunnelAsync(new MetricsV1.CreateFunnelRequest
        {
            Parent = strategy.Product,
            Funnel = new MetricsV1.Funnel
            {
                DisplayName = "Activation: open → create → share", Steps = { "app.opened", "report.created", "report.shared" },
                ConversionWindow = Duration.FromTimeSpan(TimeSpan.FromDays(7)),
            },
        }, cancellationToken: cancellationToken).ResponseAsync, cancellationToken);

        var events = History(random);
        await TrackAsync(api, strategy.Product, events, cancellationToken);
        var answers = await SurveyAsync(api, strategy.Product, random, cancellationToken);
        var (experiment, conversions) = await ExperimentAsync(api, strategy.Product, hypothesis, random, cancellationToken);
        return new UsageSeed(events.Count + conversions, Users, answers, experiment);
    }

    /// <summary>Every user's events, from the day they signed up (more of them recently: the product grows) to today.</summary>
    private static List<MetricsV1.Event> History(Random random)
    {
        var now = DateTime.UtcNow;
        var today = now.Date;
        var events = new List<MetricsV1.Event>();
        for (var user = 0; user < Users; user++)
        {
            var signup = (int)(Days * Math.Pow(random.NextDouble(), 1.3));
            var loyalty = 0.6 + (random.NextDouble() * 0.8);
            for (var ago = signup; ago >= 0; ago--)
            {
                var age = signup - ago;
                var chance = age == 0 ? 1 : Math.Min(1, loyalty * (0.1 + (0.45 * Math.Exp(-age / 7.0))));
                if (random.NextDouble() >= chance) continue;
                var day = today.AddDays(-ago);
                // Today's events happen before now.
                var span = ago == 0 ? Math.Max(60, (now - today).TotalSeconds - 60) : 86_399;
                DateTime At() => day.AddSeconds(random.NextDouble() * span);
                var id = $"demo-{user}-{ago}";
                events.Add(Event($"{id}-open", user, age == 0 ? "signup" : "app.opened", At()));
                if (age == 0) events.Add(Event($"{id}-open2", user, "app.opened", At()));
                for (var v = random.Next(3); v > 0; v--) events.Add(Event($"{id}-view{v}", user, "report.viewed", At()));
                if (random.NextDouble() < 0.35)
                {
                    events.Add(Event($"{id}-create", user, "report.created", At()));
                    if (random.NextDouble() < 0.4) events.Add(Event($"{id}-share", user, "report.shared", At()));
                }
            }
        }
        return events;
    }

    private static async Task TrackAsync(LodestarClients api, string product, List<MetricsV1.Event> events, CancellationToken cancellationToken)
    {
        await Parallel.ForEachAsync(events.Chunk(1000), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
            async (batch, token) => await DemoWorkspace.WhenKnownAsync(() => api.Events.BatchTrackEventsAsync(
                new MetricsV1.BatchTrackEventsRequest { Parent = product, Events = { batch } }, cancellationToken: token).ResponseAsync, token));
    }

    /// <summary>An NPS survey answered over the last 60 days: about 40 % promoters and 25 % detractors.</summary>
    private static async Task<int> SurveyAsync(LodestarClients api, string product, Random random, CancellationToken cancellationToken)
    {
        var survey = await api.Surveys.CreateSurveyAsync(new MetricsV1.CreateSurveyRequest
        {
            Parent = product,
            Survey = new MetricsV1.Survey
            {
                DisplayName = "Quarterly NPS", Kind = MetricsV1.SurveyKind.Nps,
                Question = "How likely are you to recommend Northwind Reports to a colleague?",
            },
        }, cancellationToken: cancellationToken);
        string[] comments = ["The Monday report saves me hours.", "Numbers still differ from the store system.", "Please make it work on my phone.", "", "", ""];
        var answers = Enumerable.Range(0, SurveyAnswers).Select(i =>
        {
            var roll = random.NextDouble();
            var score = roll < 0.4 ? 9 + random.Next(2) : roll < 0.75 ? 7 + random.Next(2) : random.Next(7);
            return new MetricsV1.SurveyResponse
            {
                ResponseId = $"demo-nps-{i}", RespondentId = $"user-{random.Next(Users)}", Score = score,
                Comment = comments[random.Next(comments.Length)],
                ResponseTime = Timestamp.FromDateTime(DateTime.UtcNow.AddDays(-random.Next(60)).AddMinutes(-random.Next(1440))),
            };
        }).ToList();
        await Parallel.ForEachAsync(answers, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
            async (answer, token) => await api.Surveys.RecordSurveyResponseAsync(
                new MetricsV1.RecordSurveyResponseRequest { Parent = survey.Name, Response = answer }, cancellationToken: token));
        return answers.Count;
    }

    /// <summary>
    /// A running experiment on the onboarding checklist: recent users exposed, a modest lift in report creation, not yet
    /// conclusive, so its analysis has figures and it keeps running.
    /// </summary>
    private static async Task<(string Name, int Conversions)> ExperimentAsync(LodestarClients api, string product, string hypothesis, Random random, CancellationToken cancellationToken)
    {
        var experiment = await api.Experiments.CreateExperimentAsync(new MetricsV1.CreateExperimentRequest
        {
            Parent = product,
            Experiment = new MetricsV1.Experiment
            {
                Key = "onboarding-checklist", DisplayName = "Onboarding checklist", Hypothesis = hypothesis,
                Description = "New users see a checklist that ends with scheduling their first weekly report.",
                ConversionEvent = "report.created", BaselineConversionRate = 0.3, MinimumDetectableEffect = 0.15,
                Variants =
                {
                    new MetricsV1.Variant { Key = "control", WeightPercent = 50, Control = true },
                    new MetricsV1.Variant { Key = "checklist", WeightPercent = 50 },
                },
                Guardrails = { new MetricsV1.Guardrail { EventName = "report.viewed", Direction = MetricsV1.GuardrailDirection.DecreaseIsBad } },
            },
        }, cancellationToken: cancellationToken);
        await api.Experiments.StartExperimentAsync(new MetricsV1.StartExperimentRequest { Name = experiment.Name }, cancellationToken: cancellationToken);
        var variants = new string[ExperimentUsers];
        await Parallel.ForEachAsync(Enumerable.Range(0, ExperimentUsers), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
            async (i, token) => variants[i] = (await api.Experiments.AssignVariantAsync(
                new MetricsV1.AssignVariantRequest { Experiment = experiment.Name, UserId = $"user-{Users - 1 - i}" }, cancellationToken: token)).Variant);
        var now = DateTime.UtcNow;
        var conversions = Enumerable.Range(0, ExperimentUsers)
            .Where(i => random.NextDouble() < (variants[i] == "checklist" ? 0.36 : 0.3))
            .Select(i => Event($"demo-exp-{i}", Users - 1 - i, "report.created", now))
            .ToList();
        await TrackAsync(api, product, conversions, cancellationToken);
        return (experiment.Name, conversions.Count);
    }

    private static MetricsV1.Event Event(string id, int user, string name, DateTime at) =>
        new() { EventId = id, UserId = $"user-{user}", EventName = name, EventTime = Timestamp.FromDateTime(DateTime.SpecifyKind(at, DateTimeKind.Utc)) };
}
