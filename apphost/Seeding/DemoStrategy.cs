using Lodestar.Api;
using StrategyV1 = Lodestar.Strategy.V1;

namespace Lodestar.AppHost.Seeding;

/// <summary>The demo product's strategy: vision and positioning, goals with key results, KPIs and the roadmap.</summary>
internal static class DemoStrategy
{
    public static async Task<StrategySeed> CreateAsync(LodestarClients api, CancellationToken cancellationToken)
    {
        var product = await api.Products.CreateProductAsync(new StrategyV1.CreateProductRequest
        {
            Product = new StrategyV1.Product
            {
                DisplayName = DemoWorkspace.ProductName,
                Description = "Self-service reporting for operations teams at mid-market retailers.",
                Stage = StrategyV1.LifecycleStage.Growth,
            },
        }, cancellationToken: cancellationToken);
        await api.Products.UpdatePositioningAsync(new StrategyV1.UpdatePositioningRequest
        {
            Positioning = new StrategyV1.Positioning
            {
                Name = product.Name + "/positioning",
                Vision = "Every operations team decides from this week's numbers, not last quarter's spreadsheet.",
                TargetPersona = "operations leads at mid-market retailers",
                Need = "a weekly report that builds itself from the systems they already use",
                Category = "self-service reporting tool",
                KeyBenefit = "turns an afternoon of copy-and-paste into a report that is ready on Monday morning",
                MainAlternative = "spreadsheets maintained by an analyst",
                Differentiator = "connects to the store, stock and staffing systems without a data team",
            },
        }, cancellationToken: cancellationToken);

        var today = DemoWorkspace.Today;
        var quarterStart = today.AddDays(-45);
        var quarterEnd = today.AddDays(45);
        var habit = await GoalAsync(api, product.Name, "Make the weekly report effortless",
            "Teams come back every week because the report is ready, not because someone chased them.", quarterStart, quarterEnd, cancellationToken,
            ("7-day retention at 55 %", "retention_d7", 0.4, 0.55, "share"),
            ("NPS of 30", "nps", 10, 30, "points"));
        var growth = await GoalAsync(api, product.Name, "Grow weekly active users to 2,500",
            "Word of mouth between store managers is our cheapest channel.", quarterStart, quarterEnd, cancellationToken,
            ("2,500 weekly active users", "wau", 1200, 2500, "users"));

        var kpis = new (string Name, string Metric, double Target, double Band, bool NorthStar)[]
        {
            ("Weekly active users", "wau", 1800, 300, true),
            ("Daily active users", "dau", 350, 100, false),
            ("Stickiness (DAU/MAU)", "stickiness", 0.2, 0.05, false),
            ("7-day retention", "retention_d7", 0.3, 0.05, false),
            ("Net Promoter Score", "nps", 30, 10, false),
        };
        foreach (var kpi in kpis)
        {
            await api.Kpis.CreateKpiAsync(new StrategyV1.CreateKpiRequest
            {
                Kpi = new StrategyV1.Kpi
                {
                    Product = product.Name, DisplayName = kpi.Name, MetricKey = kpi.Metric, Direction = StrategyV1.KpiDirection.Up,
                    Target = kpi.Target, AtRiskBand = kpi.Band, NorthStar = kpi.NorthStar,
                },
            }, cancellationToken: cancellationToken);
        }
        return new StrategySeed(product.Name, [habit, growth], kpis.Length);
    }

    /// <summary>Three initiatives on the now / next / later horizons, each delivering some of the backlog.</summary>
    public static async Task AddRoadmapAsync(LodestarClients api, StrategySeed strategy, BacklogSeed backlog, CancellationToken cancellationToken)
    {
        var today = DemoWorkspace.Today;
        var initiatives = new (string Title, string Description, StrategyV1.Horizon Horizon, int From, int To, int Goal, Func<int, bool> Delivers)[]
        {
            ("Reports that build themselves", "Templates, scheduling and connectors so the Monday report needs no hands.", StrategyV1.Horizon.Now, -60, 30, 0, i => i % 3 == 0),
            ("Share and discuss", "Comments, sharing links and digests so a report starts a conversation.", StrategyV1.Horizon.Next, 30, 120, 1, i => i % 3 == 1),
            ("Enterprise readiness", "Single sign-on, audit log and data residency for the larger chains.", StrategyV1.Horizon.Later, 120, 270, 1, i => i % 3 == 2),
        };
        foreach (var initiative in initiatives)
        {
            await api.Roadmap.CreateInitiativeAsync(new StrategyV1.CreateInitiativeRequest
            {
                Initiative = new StrategyV1.Initiative
                {
                    Product = strategy.Product, Title = initiative.Title, Description = initiative.Description, Horizon = initiative.Horizon,
                    StartDate = today.AddDays(initiative.From).ToProto(), EndDate = today.AddDays(initiative.To).ToProto(),
                    Goals = { strategy.Goals[initiative.Goal].Name },
                    BacklogItems = { backlog.Items.Where((_, i) => initiative.Delivers(i)).Select(item => item.Name) },
                },
            }, cancellationToken: cancellationToken);
        }
    }

    private static async Task<StrategyV1.Goal> GoalAsync(LodestarClients api, string product, string title, string description,
        DateOnly start, DateOnly end, CancellationToken cancellationToken, params (string Title, string Metric, double Baseline, double Target, string Unit)[] keyResults)
    {
        var goal = await api.Goals.CreateGoalAsync(new StrategyV1.CreateGoalRequest
        {
            Goal = new StrategyV1.Goal
            {
                Product = product, Title = title, Description = description, Owner = "Head of Product",
                PeriodStart = start.ToProto(), PeriodEnd = end.ToProto(),
            },
        }, cancellationToken: cancellationToken);
        foreach (var result in keyResults)
        {
            await api.Goals.CreateKeyResultAsync(new StrategyV1.CreateKeyResultRequest
            {
                Parent = goal.Name,
                KeyResult = new StrategyV1.KeyResult { Title = result.Title, MetricKey = result.Metric, Baseline = result.Baseline, Target = result.Target, Unit = result.Unit },
            }, cancellationToken: cancellationToken);
        }
        return goal;
    }
}
