using Lodestar.Api;
using Lodestar.Persistence;
using Lodestar.Strategy.Domain.Goals;
using Lodestar.Strategy.Infrastructure;
using V1 = Lodestar.Strategy.V1;

namespace Lodestar.Strategy.Grpc;

/// <summary>Domain ⇄ API shapes of goals and key results.</summary>
internal static class GoalMapping
{
    public static V1.Goal ToProto(this Goal goal, IReadOnlyCollection<KeyResult> keyResults, IReadOnlyCollection<HypothesisState> hypotheses) => new()
    {
        Name = ResourceNames.Format(StrategyNames.Goals, goal.Id),
        Product = ResourceNames.Format(StrategyNames.Products, goal.ProductId),
        Title = goal.Title,
        Description = goal.Description,
        Owner = goal.Owner,
        PeriodStart = goal.PeriodStart.ToProto(),
        PeriodEnd = goal.PeriodEnd.ToProto(),
        KeyResults = { keyResults.OrderBy(k => k.CreateTime).Select(k => k.ToProto()) },
        Progress = Goal.ProgressOf(keyResults),
        Metadata = goal.ToMetadata(),
        Hypotheses = { goal.HypothesisIds.Select(h => ResourceNames.Format(StrategyNames.Hypotheses, h)) },
        LinkedHypotheses = { goal.HypothesisIds.Select(id => ToLinked(id, hypotheses.FirstOrDefault(h => h.HypothesisId == id))) },
    };

    private static V1.LinkedHypothesis ToLinked(Guid id, HypothesisState? state) => new()
    {
        Hypothesis = ResourceNames.Format(StrategyNames.Hypotheses, id),
        Status = state?.Status ?? "unknown",
        MetricKey = state?.MetricKey ?? "",
        StatusTime = state?.StatusTime.ToUtcTimestamp(),
    };

    public static V1.KeyResult ToProto(this KeyResult keyResult)
    {
        var proto = new V1.KeyResult
        {
            Name = ResourceNames.Format(StrategyNames.Goals, keyResult.GoalId, StrategyNames.KeyResults, keyResult.Id),
            Title = keyResult.Title,
            Baseline = keyResult.Baseline,
            Target = keyResult.Target,
            Unit = keyResult.Unit,
            MetricKey = keyResult.MetricKey ?? "",
            Progress = keyResult.Progress,
            Direction = keyResult.Increases ? V1.KeyResultDirection.Increase : V1.KeyResultDirection.Decrease,
            Metadata = keyResult.ToMetadata(),
        };
        if (keyResult.CurrentValue is { } current) proto.CurrentValue = current;
        if (keyResult.CurrentValueTime is { } time) proto.CurrentValueTime = time.ToUtcTimestamp();
        if (keyResult.CurrentValueDate is { } day) proto.CurrentValueDate = day.ToProto();
        return proto;
    }
}
