using Lodestar.Api;
using Lodestar.Persistence;
using Lodestar.Strategy.Domain.Goals;
using Lodestar.Strategy.Domain.Roadmap;
using Lodestar.Strategy.Infrastructure;
using V1 = Lodestar.Strategy.V1;

namespace Lodestar.Strategy.Grpc;

/// <summary>Domain ⇄ API shapes of initiatives and the roadmap.</summary>
internal static class InitiativeMapping
{
    public static V1.Initiative ToProto(this Initiative initiative, Delivery delivery)
    {
        var progress = delivery.ProgressOf(initiative);
        return new V1.Initiative
        {
            Name = ResourceNames.Format(StrategyNames.Initiatives, initiative.Id),
            Product = ResourceNames.Format(StrategyNames.Products, initiative.ProductId),
            Title = initiative.Title,
            Description = initiative.Description,
            Horizon = (V1.Horizon)initiative.Horizon,
            StartDate = initiative.StartDate?.ToProto(),
            EndDate = initiative.EndDate?.ToProto(),
            Milestones = { initiative.Milestones.Select(m => new V1.Milestone { Title = m.Title, Date = m.Date.ToProto(), Done = m.Done }) },
            Goals = { initiative.GoalIds.Select(g => ResourceNames.Format(StrategyNames.Goals, g)) },
            BacklogItems = { delivery.LinkedTo(initiative).Select(i => ResourceNames.Format(StrategyNames.BacklogItems, i)) },
            ShippedItems = progress.ShippedItems,
            Progress = progress.ByCount,
            LinkedItems = progress.LinkedItems,
            UnestimatedItems = progress.UnestimatedItems,
            TotalPoints = progress.TotalPoints,
            ShippedPoints = progress.ShippedPoints,
            PointsProgress = progress.ByPoints,
            Metadata = initiative.ToMetadata(),
        };
    }

    /// <summary>The roadmap's columns: by quarter (unscheduled last) or by horizon (now, next, later, unplanned).</summary>
    public static IEnumerable<V1.RoadmapColumn> RoadmapColumns(List<Initiative> initiatives, Delivery delivery, List<Goal> goals, List<KeyResult> keyResults, bool byQuarter) =>
        initiatives
            .GroupBy(i => byQuarter ? i.Quarter ?? "Unscheduled" : HorizonTitle(i.Horizon))
            .OrderBy(g => byQuarter ? (g.Key == "Unscheduled" ? "~" : g.Key) : HorizonOrder(g.Key))
            .Select(g => new V1.RoadmapColumn
            {
                Title = g.Key,
                Initiatives =
                {
                    g.OrderBy(i => i.StartDate ?? DateOnly.MaxValue).ThenBy(i => i.Title, StringComparer.Ordinal).Select(i => new V1.RoadmapInitiative
                    {
                        Initiative = ToProto(i, delivery),
                        Goals =
                        {
                            goals.Where(goal => i.GoalIds.Contains(goal.Id)).Select(goal => new V1.RoadmapGoal
                            {
                                Goal = ResourceNames.Format(StrategyNames.Goals, goal.Id),
                                Title = goal.Title,
                                Progress = Goal.ProgressOf(keyResults.Where(k => k.GoalId == goal.Id).ToList()),
                            }),
                        },
                    }),
                },
            });

    private static string HorizonTitle(Horizon horizon) => horizon == Horizon.None ? "Unplanned" : horizon.ToString();

    private static string HorizonOrder(string title) => title switch { "Now" => "1", "Next" => "2", "Later" => "3", _ => "4" };
}
