using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Lodestar.Api;
using Lodestar.Errors;
using Lodestar.Security;
using Lodestar.Strategy.Domain;
using Lodestar.Strategy.Domain.Goals;
using Lodestar.Strategy.Infrastructure;
using Microsoft.EntityFrameworkCore;
using V1 = Lodestar.Strategy.V1;

namespace Lodestar.Strategy.Grpc;

/// <summary>lodestar.strategy.v1.GoalService: goals (OKRs) and their key results.</summary>
public sealed class GoalGrpcService(StrategyDbContext db, IWorkspaceContext workspace) : V1.GoalService.GoalServiceBase
{
    public override async Task<V1.Goal> CreateGoal(V1.CreateGoalRequest request, ServerCallContext context)
    {
        var input = request.Goal ?? throw new ValidationException("goal", "Required.");
        var productId = ResourceNames.ParseId(input.Product, StrategyNames.Products, "goal.product");
        var goal = new Goal { ProductId = productId };
        GoalEditor.Apply(goal, input, GoalEditor.GoalFields);
        (await db.FindProductAsync(productId, input.Product, context.CancellationToken)).EnsureChangeable();
        db.Goals.Add(goal);
        db.AnnounceGoalChanged(goal, "active", workspace.WorkspaceId!.Value);
        await db.SaveChangesAsync(context.CancellationToken);
        return goal.ToProto([], await db.HypothesesOfAsync([goal], context.CancellationToken));
    }

    public override async Task<V1.Goal> GetGoal(V1.GetGoalRequest request, ServerCallContext context)
    {
        var goal = await db.FindGoalAsync(request.Name, "name", context.CancellationToken);
        return goal.ToProto(await db.KeyResultsOfAsync([goal.Id], context.CancellationToken), await db.HypothesesOfAsync([goal], context.CancellationToken));
    }

    public override async Task<V1.ListGoalsResponse> ListGoals(V1.ListGoalsRequest request, ServerCallContext context)
    {
        var productId = ResourceNames.ParseOptionalId(request.Product, StrategyNames.Products, "product");
        var query = db.Goals.AsNoTracking();
        if (productId is { } id) query = query.Where(g => g.ProductId == id);
        var (goals, next) = await Pagination.OffsetPageAsync(request.PageSize, request.PageToken, Pagination.Fingerprint(nameof(ListGoals), request.Product),
            (skip, take) => query.OrderBy(g => g.PeriodStart).ThenBy(g => g.Title).ThenBy(g => g.CreateTime).Skip(skip).Take(take)
                .ToListAsync(context.CancellationToken));
        var keyResults = await db.KeyResultsOfAsync(goals.Select(g => g.Id).ToList(), context.CancellationToken);
        var hypotheses = await db.HypothesesOfAsync(goals, context.CancellationToken);
        return new V1.ListGoalsResponse
        {
            Goals = { goals.Select(g => g.ToProto(keyResults.Where(k => k.GoalId == g.Id).ToList(), hypotheses)) },
            NextPageToken = next,
        };
    }

    public override async Task<V1.Goal> UpdateGoal(V1.UpdateGoalRequest request, ServerCallContext context)
    {
        var input = request.Goal ?? throw new ValidationException("goal", "Required.");
        var goal = await db.FindGoalAsync(input.Name, "goal.name", context.CancellationToken);
        db.ExpectETag(goal, input.Metadata?.Etag, "goal.metadata.etag");
        GoalEditor.Apply(goal, input, FieldMasks.Require(request.UpdateMask, GoalEditor.GoalFields));
        db.AnnounceGoalChanged(goal, "active", workspace.WorkspaceId!.Value);
        await db.SaveChangesAsync(context.CancellationToken);
        return goal.ToProto(await db.KeyResultsOfAsync([goal.Id], context.CancellationToken), await db.HypothesesOfAsync([goal], context.CancellationToken));
    }

    public override async Task<Empty> DeleteGoal(V1.DeleteGoalRequest request, ServerCallContext context)
    {
        var goal = await db.FindGoalAsync(request.Name, "name", context.CancellationToken);
        db.ExpectETag(goal, request.Etag);
        db.Goals.Remove(goal);
        db.AnnounceGoalChanged(goal, "deleted", workspace.WorkspaceId!.Value);
        await db.SaveChangesAsync(context.CancellationToken);
        return new Empty();
    }

    public override async Task<V1.KeyResult> CreateKeyResult(V1.CreateKeyResultRequest request, ServerCallContext context)
    {
        var goal = await db.FindGoalAsync(request.Parent, "parent", context.CancellationToken);
        var input = request.KeyResult ?? throw new ValidationException("key_result", "Required.");
        var bound = !string.IsNullOrEmpty(input.MetricKey);
        var violations = new Violations();
        if (bound)
        {
            await db.CheckMetricKeyAsync(violations.Check("key_result.metric_key", input.MetricKey), "key_result.metric_key", goal.ProductId, input.MetricKey, context.CancellationToken);
            if (input.HasCurrentValue)
                violations.Add("key_result.current_value", "A key result bound to a metric takes its value from the metrics service.");
        }
        var keyResult = new KeyResult { GoalId = goal.Id, MetricKey = bound ? input.MetricKey : null };
        GoalEditor.Apply(keyResult, input, input.HasCurrentValue && !bound ? GoalEditor.KeyResultFields : GoalEditor.KeyResultFields[..^1], violations);
        if (bound && await db.MetricReadings.AsNoTracking().FirstOrDefaultAsync(r => r.ProductId == goal.ProductId && r.MetricKey == input.MetricKey, context.CancellationToken) is { } reading)
            keyResult.Measure(reading.Value, MetricDays.DayOf(reading.Date, reading.MeasuredAt), reading.MeasuredAt);
        db.KeyResults.Add(keyResult);
        await db.SaveChangesAsync(context.CancellationToken);
        return keyResult.ToProto();
    }

    public override async Task<V1.KeyResult> UpdateKeyResult(V1.UpdateKeyResultRequest request, ServerCallContext context)
    {
        var input = request.KeyResult ?? throw new ValidationException("key_result", "Required.");
        var keyResult = await db.FindKeyResultAsync(input.Name, "key_result.name", context.CancellationToken);
        db.ExpectETag(keyResult, input.Metadata?.Etag, "key_result.metadata.etag");
        var paths = FieldMasks.Require(request.UpdateMask, GoalEditor.KeyResultFields);
        var violations = new Violations();
        if (keyResult.MetricKey is not null && paths.Contains("current_value"))
            violations.Add("key_result.current_value", $"Bound to metric '{keyResult.MetricKey}': its value comes from the metrics service.");
        else if (paths.Contains("current_value") && !input.HasCurrentValue)
            violations.Add("key_result.current_value", "Required when named in update_mask.");
        GoalEditor.Apply(keyResult, input, paths, violations);
        await db.SaveChangesAsync(context.CancellationToken);
        return keyResult.ToProto();
    }

    public override async Task<Empty> DeleteKeyResult(V1.DeleteKeyResultRequest request, ServerCallContext context)
    {
        var keyResult = await db.FindKeyResultAsync(request.Name, "name", context.CancellationToken);
        db.ExpectETag(keyResult, request.Etag);
        db.KeyResults.Remove(keyResult);
        await db.SaveChangesAsync(context.CancellationToken);
        return new Empty();
    }
}
