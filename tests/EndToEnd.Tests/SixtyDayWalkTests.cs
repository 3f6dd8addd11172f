using Google.Protobuf.WellKnownTypes;
using Lodestar.Api;
using Lodestar.AppHost.Seeding;
using Discovery = Lodestar.Discovery.V1;
using Metrics = Lodestar.Metrics.V1;
using Strategy = Lodestar.Strategy.V1;

namespace EndToEnd.Tests;

/// <summary>
/// A product walked through 60 days of usage (weekly users grow by half a week, then flatten) ingested through the
/// gateway, the last day being yesterday and today still running: metrics publishes every complete day, the stage
/// suggestion read as of each day moves introduction → growth → maturity with its rule, no KPI moves on the running
/// day, and exactly the KPI that really breaches opens a problem, once.
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed class SixtyDayWalkTests(PlatformFixture fixture)
{
    private const string Admin = "walk-admin";
    private const int Days = 60;
    private const int FlatFrom = 35;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Users active every day of day <paramref name="day"/> (0 = 59 days before yesterday): ×1.5 a week from 12, flat from day 35.</summary>
    private static int Users(int day) => (int)Math.Ceiling(12 * Math.Pow(1.5, Math.Min(day, FlatFrom) / 7.0));

    [Fact]
    public async Task Sixty_days_of_usage_move_the_stage_suggestion_through_its_stages_and_only_a_real_breach_opens_a_problem()
    {
        var (api, product) = await WeeklyProductAsync("Walk");
        var dau = await Kpi(api, product, "Daily active users", "dau", target: 80, band: 10);
        var wau = await Kpi(api, product, "Weekly active users", "wau", target: 150, band: 20);

        // Day 0 is 59 days before yesterday; today runs with a handful of users so far (a partial day reads low).
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        DateOnly DateOf(int day) => yesterday.AddDays(day - (Days - 1));
        await IngestAsync(api, product, Days, Users);

        // Every complete day reaches strategy, though a day's values can arrive after an older day's: a suggestion is read
        // once its four period ends hold their whole weekly users (while users grow, those of the period's last day).
        var suggestionName = product + "/stageSuggestion";
        async Task<Strategy.StageSuggestion> AsOfAsync(int day)
        {
            int[] whole = [Users(day - 21), Users(day - 14), Users(day - 7), Users(day)];
            return await Eventually.GetAsync(async () => await api.Products.GetStageSuggestionAsync(
                new Strategy.GetStageSuggestionRequest { Name = suggestionName, AsOfDate = DateOf(day).ToProto() }, cancellationToken: Cancel),
                s => s.History.Select(p => (int)p.ActiveUsers).SequenceEqual(whole) && s.History[^1].Date.ToDateOnly() == DateOf(day), seconds: 120);
        }
        var introduction = await AsOfAsync(21);
        Assert.Equal((Strategy.LifecycleStage.Introduction, "wau"), (introduction.SuggestedStage, introduction.MetricKey));
        Assert.Contains("from a low base", introduction.Explanation, StringComparison.Ordinal);
        Assert.Contains("'wau' from one 7-day period to the next", introduction.Rule, StringComparison.Ordinal);
        var growth = await AsOfAsync(FlatFrom + 6);
        Assert.Equal(Strategy.LifecycleStage.Growth, growth.SuggestedStage);
        var maturity = await AsOfAsync(Days - 1);
        Assert.Equal(Strategy.LifecycleStage.Maturity, maturity.SuggestedStage);
        Assert.Contains("flat adoption", maturity.Explanation, StringComparison.Ordinal);
        Assert.Equal(maturity.SuggestedStage, (await api.Products.GetStageSuggestionAsync(new Strategy.GetStageSuggestionRequest { Name = suggestionName }, cancellationToken: Cancel)).SuggestedStage);

        // No KPI moved on the running day: both read yesterday, the daily one on track with its value of a whole day.
        var daily = await Eventually.GetAsync(() => GetKpi(api, dau.Name), k => k.LatestValueDate?.ToDateOnly() == yesterday, seconds: 60);
        Assert.Equal((Strategy.KpiStatus.OnTrack, (double)Users(Days - 1)), (daily.Status, daily.LatestValue));
        bool Whole(IList<Strategy.KpiValue> values) => values.Count == Days
            && values.All(v => v.Value == Users(v.AsOfDate.ToDateOnly().DayNumber - DateOf(0).DayNumber));
        var dailyHistory = await Eventually.GetAsync(async () => (await api.Kpis.ListKpiValuesAsync(
            new Strategy.ListKpiValuesRequest { Parent = dau.Name, PageSize = 100 }, cancellationToken: Cancel)).Values.ToList(), Whole, seconds: 60);
        Assert.True(Whole(dailyHistory), string.Join(", ", dailyHistory.Select(v => $"{v.AsOfDate.ToDateOnly():MM-dd}={v.Value}")));
        Assert.Equal(DateOf(0), dailyHistory.Min(v => v.AsOfDate.ToDateOnly()));
        Assert.Equal(yesterday, dailyHistory.Max(v => v.AsOfDate.ToDateOnly()));
        // The daily KPI never left on track while the walk came in: no problem was opened for it.
        Assert.All(dailyHistory.Where(v => v.AsOfDate.ToDateOnly() >= DateOf(Days - 7)), v => Assert.Equal(Strategy.KpiStatus.OnTrack, v.Status));
        var weekly = await Eventually.GetAsync(() => GetKpi(api, wau.Name), k => k.Status == Strategy.KpiStatus.OffTrack, seconds: 60);
        // Off track on every day of the walk: since whichever day strategy took first, and announced for yesterday's value.
        Assert.Equal(yesterday, weekly.LatestValueDate.ToDateOnly());
        Assert.True(weekly.StatusDate.ToDateOnly() <= yesterday);

        // Exactly the real breach opens a problem, once, linked to its KPI and day; the KPI on track opens none.
        var problems = await Eventually.GetAsync(() => ProblemsAsync(api, product), p => p.Count > 0, seconds: 60);
        await Task.Delay(TimeSpan.FromSeconds(5), Cancel);
        problems = await ProblemsAsync(api, product);
        var problem = Assert.Single(problems);
        Assert.Equal(("KPI wau off track", wau.Name, yesterday), (problem.Title, problem.OpenedByKpi, problem.OpenedByKpiDate.ToDateOnly()));
    }

    /// <summary>
    /// Falling usage reads as decline: a product losing a fifth of its users a week for four weeks is suggested decline
    /// as of yesterday, from the weekly users of its last four periods, with the rule that says so.
    /// </summary>
    [Fact]
    public async Task Four_weeks_of_falling_usage_suggest_decline()
    {
        var (api, product) = await WeeklyProductAsync("Fading");
        const int days = 28;
        static int Falling(int day) => (int)Math.Ceiling(100 * Math.Pow(0.8, day / 7.0));
        // The same user ids every day, so a week's distinct users are its first (busiest) day's.
        static int Weekly(int day) => Falling(Math.Max(day - 6, 0));
        await IngestAsync(api, product, days, Falling);

        // Every day is in once the weekly users of the four period ends are those of the whole history.
        int[] expected = [Weekly(days - 22), Weekly(days - 15), Weekly(days - 8), Weekly(days - 1)];
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        var suggestion = await Eventually.GetAsync(() => api.Products.GetStageSuggestionAsync(
            new Strategy.GetStageSuggestionRequest { Name = product + "/stageSuggestion" }, cancellationToken: Cancel).ResponseAsync,
            s => s.History.Count == 4 && s.History[^1].Date.ToDateOnly() == yesterday && s.History.Select(p => (int)p.ActiveUsers).SequenceEqual(expected), seconds: 120);

        Assert.Equal((Strategy.LifecycleStage.Decline, "wau"), (suggestion.SuggestedStage, suggestion.MetricKey));
        Assert.Contains("fell in each of the last 3 periods", suggestion.Explanation, StringComparison.Ordinal);
        Assert.Contains("falling in every one of them", suggestion.Rule, StringComparison.Ordinal);
    }

    /// <summary>A product in a workspace of its own whose stage suggestion reads weekly active users.</summary>
    private async Task<(LodestarClients Api, string Product)> WeeklyProductAsync(string displayName)
    {
        var api = fixture.Clients(Admin, await fixture.NewWorkspaceAsync(Admin));
        var product = (await api.Products.CreateProductAsync(new Strategy.CreateProductRequest { Product = new Strategy.Product { DisplayName = displayName } }, cancellationToken: Cancel)).Name;
        await api.Products.UpdateProductAsync(new Strategy.UpdateProductRequest
        {
            Product = new Strategy.Product { Name = product, StageMetricKey = "wau" }, UpdateMask = new FieldMask { Paths = { "stage_metric_key" } },
        }, cancellationToken: Cancel);
        return (api, product);
    }

    /// <summary>
    /// <paramref name="days"/> days of usage ending yesterday (<paramref name="users"/> of day 0 = the first), plus a few
    /// users so far today, imported newest first as a backfill would be, so the current values are whole from the first batch.
    /// </summary>
    private static async Task IngestAsync(LodestarClients api, string product, int days, Func<int, int> users)
    {
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        var events = Enumerable.Range(0, 5).Select(u => Event($"today-u{u}", $"user-{u}", DateTime.UtcNow)).ToList();
        for (var day = days - 1; day >= 0; day--)
        {
            var noon = yesterday.AddDays(day - (days - 1)).ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
            events.AddRange(Enumerable.Range(0, users(day)).Select(u => Event($"d{day}-u{u}", $"user-{u}", noon)));
        }
        await DemoWorkspace.WhenKnownAsync(() => api.Events.BatchTrackEventsAsync(new Metrics.BatchTrackEventsRequest { Parent = product, Events = { events.Take(1) } },
            cancellationToken: Cancel).ResponseAsync, Cancel);
        foreach (var batch in events.Skip(1).Chunk(1000))
            await api.Events.BatchTrackEventsAsync(new Metrics.BatchTrackEventsRequest { Parent = product, Events = { batch } }, cancellationToken: Cancel);
    }

    private static async Task<Strategy.Kpi> Kpi(LodestarClients api, string product, string name, string metric, double target, double band) =>
        await api.Kpis.CreateKpiAsync(new Strategy.CreateKpiRequest
        {
            Kpi = new Strategy.Kpi { Product = product, DisplayName = name, MetricKey = metric, Direction = Strategy.KpiDirection.Up, Target = target, AtRiskBand = band },
        }, cancellationToken: Cancel);

    private static async Task<Strategy.Kpi> GetKpi(LodestarClients api, string name) =>
        await api.Kpis.GetKpiAsync(new Strategy.GetKpiRequest { Name = name }, cancellationToken: Cancel);

    private static async Task<List<Discovery.Problem>> ProblemsAsync(LodestarClients api, string product) =>
        [.. (await api.Problems.ListProblemsAsync(new Discovery.ListProblemsRequest { Product = product, PageSize = 100 }, cancellationToken: Cancel)).Problems];

    private static Metrics.Event Event(string id, string user, DateTime at) =>
        new() { EventId = id, UserId = user, EventName = "app.opened", EventTime = Timestamp.FromDateTime(at) };
}
