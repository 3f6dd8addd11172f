using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Errors;
using Lodestar.Messaging.Outbox;
using Lodestar.Security;
using Lodestar.ServiceDefaults;
using Lodestar.Strategy.Domain;
using Lodestar.Strategy.Domain.Goals;
using Lodestar.Strategy.Infrastructure;
using Microsoft.EntityFrameworkCore;
using V1 = Lodestar.Strategy.V1;

namespace Lodestar.Strategy.Grpc;

/// <summary>lodestar.strategy.v1.GoalService: goals (OKRs) and their key results.</summary>
public sealed class GoalGrpcService(StrategyDbContext db, IWorkspaceContext workspace) : V1.GoalService.GoalServiceBase
{
    private static readonly string[] GoalFields = ["title", "description", "owner", "period_start", "period_end", "hypotheses"];
    private static readonly string[] KeyResultFields = ["title", "baseline", "target", "unit", "current_value"];

    public override async Task<V1.Goal> CreateGoal(V1.CreateGoalRequest request, ServerCallContext context)
    {
        var input = request.Goal ?? throw new ValidationException("goal", "Required.");
        var productId = ResourceNames.ParseId(input.Product, ProductMapping.Products, "goal.product");
        var goal = new Goal { ProductId = productId };
        Apply(goal, input, GoalFields);
        (await db.FindProductAsync(productId, input.Product, context.CancellationToken)).EnsureChangeable();
        db.Goals.Add(goal);
        RaiseGoalChanged(goal, "active");
        await db.SaveChangesAsync(context.CancellationToken);
        return goal.ToProto([], await HypothesesOfAsync([goal], context.CancellationToken));
    }

    public override async Task<V1.Goal> GetGoal(V1.GetGoalRequest request, ServerCallContext context)
    {
        var goal = await FindAsync(request.Name, "name", context.CancellationToken);
        return goal.ToProto(await KeyResultsOfAsync([goal.Id], context.CancellationToken), await HypothesesOfAsync([goal], context.CancellationToken));
    }

    public override async Task<V1.ListGoalsResponse> ListGoals(V1.ListGoalsRequest request, ServerCallContext context)
    {
        var productId = ResourceNames.ParseOptionalId(request.Product, ProductMapping.Products, "product");
        var query = db.Goals.AsNoTracking();
        if (productId is { } id) query = query.Where(g => g.ProductId == id);
        var (goals, next) = await Pagination.OffsetPageAsync(request.PageSize, request.PageToken, Pagination.Fingerprint(nameof(ListGoals), request.Product),
            (skip, take) => query.OrderBy(g => g.PeriodStart).ThenBy(g => g.Title).ThenBy(g => g.CreateTime).Skip(skip).Take(take)
                .ToListAsync(context.CancellationToken));
        var keyResults = await KeyResultsOfAsync(goals.Select(g => g.Id).ToList(), context.CancellationToken);
        var hypotheses = await HypothesesOfAsync(goals, context.CancellationToken);
        return new V1.ListGoalsResponse
        {
            Goals = { goals.Select(g => g.ToProto(keyResults.Where(k => k.GoalId == g.Id).ToList(), hypotheses)) },
            NextPageToken = next,
        };
    }

    public override async Task<V1.Goal> UpdateGoal(V1.UpdateGoalRequest request, ServerCallContext context)
    {
        var input = request.Goal ?? throw new ValidationException("goal", "Required.");
        var goal = await FindAsync(input.Name, "goal.name", context.CancellationToken);
        db.ExpectETag(goal, input.Metadata?.Etag, "goal.metadata.etag");
        Apply(goal, input, FieldMasks.Require(request.UpdateMask, GoalFields));
        RaiseGoalChanged(goal, "active");
        await db.SaveChangesAsync(context.CancellationToken);
        return goal.ToProto(await KeyResultsOfAsync([goal.Id], context.CancellationToken), await HypothesesOfAsync([goal], context.CancellationToken));
    }

    public override async Task<Empty> DeleteGoal(V1.DeleteGoalRequest request, ServerCallContext context)
    {
        var goal = await FindAsync(request.Name, "name", context.CancellationToken);
        db.ExpectETag(goal, request.Etag);
        db.Goals.Remove(goal);
        RaiseGoalChanged(goal, "deleted");
        await db.SaveChangesAsync(context.CancellationToken);
        return new Empty();
    }

    public override async Task<V1.KeyResult> CreateKeyResult(V1.CreateKeyResultRequest request, ServerCallContext context)
    {
        var goal = await FindAsync(request.Parent, "parent", context.CancellationToken);
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
        Apply(keyResult, input, input.HasCurrentValue && !bound ? KeyResultFields : KeyResultFields[..^1], violations);
        if (bound && await db.MetricReadings.AsNoTracking().FirstOrDefaultAsync(r => r.ProductId == goal.ProductId && r.MetricKey == input.MetricKey, context.CancellationToken) is { } reading)
            keyResult.Measure(reading.Value, MetricDays.DayOf(reading.Date, reading.MeasuredAt), reading.MeasuredAt);
        db.KeyResults.Add(keyResult);
        await db.SaveChangesAsync(context.CancellationToken);
        return keyResult.ToProto();
    }

    public override async Task<V1.KeyResult> UpdateKeyResult(V1.UpdateKeyResultRequest request, ServerCallContext context)
    {
        var input = request.KeyResult ?? throw new ValidationException("key_result", "Required.");
        var keyResult = await FindKeyResultAsync(input.Name, "key_result.name", context.CancellationToken);
        db.ExpectETag(keyResult, input.Metadata?.Etag, "key_result.metadata.etag");
        var paths = FieldMasks.Require(request.UpdateMask, KeyResultFields);
        var violations = new Violations();
        if (keyResult.MetricKey is not null && paths.Contains("current_value"))
            violations.Add("key_result.current_value", $"Bound to metric '{keyResult.MetricKey}': its value comes from the metrics service.");
        else if (paths.Contains("current_value") && !input.HasCurrentValue)
            violations.Add("key_result.current_value", "Required when named in update_mask.");
        Apply(keyResult, input, paths, violations);
        await db.SaveChangesAsync(context.CancellationToken);
        return keyResult.ToProto();
    }

    public override async Task<Empty> DeleteKeyResult(V1.DeleteKeyResultRequest request, ServerCallContext context)
    {
        var keyResult = await FindKeyResultAsync(request.Name, "name", context.CancellationToken);
        db.ExpectETag(keyResult, request.Etag);
        db.KeyResults.Remove(keyResult);
        await db.SaveChangesAsync(context.CancellationToken);
        return new Empty();
    }

    private static void Apply(Goal goal, V1.Goal input, IReadOnlyCollection<string> paths)
    {
        var violations = new Violations();
        foreach (var path in paths)
        {
            switch (path)
            {
                case "title":
                    violations.RequiredText("goal.title", input.Title, Goal.MaxTitle);
                    goal.Title = input.Title.Trim();
                    break;
                case "description":
                    violations.OptionalText("goal.description", input.Description, Goal.MaxDescription);
                    goal.Description = input.Description;
                    break;
                case "owner":
                    violations.OptionalText("goal.owner", input.Owner, Goal.MaxOwner);
                    goal.Owner = input.Owner.Trim();
                    break;
                case "period_start":
                    goal.PeriodStart = violations.Read("goal.period_start", input.PeriodStart) ?? goal.PeriodStart;
                    break;
                case "period_end":
                    goal.PeriodEnd = violations.Read("goal.period_end", input.PeriodEnd) ?? goal.PeriodEnd;
                    break;
                case "hypotheses":
                    // Hypotheses live in discovery: links are checked for form; their status is unknown until reported.
                    goal.HypothesisIds = ResourceNames.ParseMany(input.Hypotheses, GoalMapping.Hypotheses, "goal.hypotheses", Goal.MaxHypotheses, violations)
                        .Select(h => h.Id).Distinct().ToList();
                    break;
            }
        }
        if (!violations.Any && goal.PeriodEnd < goal.PeriodStart)
            violations.Add("goal.period_end", $"The period ends ({goal.PeriodEnd:yyyy-MM-dd}) before it starts ({goal.PeriodStart:yyyy-MM-dd}).");
        violations.ThrowIfAny();
    }

    private static void Apply(KeyResult keyResult, V1.KeyResult input, IReadOnlyCollection<string> paths, Violations violations)
    {
        foreach (var path in paths)
        {
            switch (path)
            {
                case "title":
                    violations.RequiredText("key_result.title", input.Title, KeyResult.MaxTitle);
                    keyResult.Title = input.Title.Trim();
                    break;
                case "baseline":
                    if (!double.IsFinite(input.Baseline)) violations.Add("key_result.baseline", "Must be a finite number.");
                    keyResult.Baseline = input.Baseline;
                    break;
                case "target":
                    if (!double.IsFinite(input.Target)) violations.Add("key_result.target", "Must be a finite number.");
                    keyResult.Target = input.Target;
                    break;
                case "unit":
                    violations.OptionalText("key_result.unit", input.Unit, KeyResult.MaxUnit);
                    keyResult.Unit = input.Unit.Trim();
                    break;
                case "current_value" when input.HasCurrentValue && keyResult.MetricKey is null:
                    if (!double.IsFinite(input.CurrentValue)) violations.Add("key_result.current_value", "Must be a finite number.");
                    keyResult.CurrentValue = input.CurrentValue;
                    keyResult.CurrentValueTime = DateTime.UtcNow;
                    break;
            }
        }
        if (keyResult.Target == keyResult.Baseline && double.IsFinite(keyResult.Target))
            violations.Add("key_result.target", "The target must differ from the baseline, or there is nothing to achieve.");
        violations.ThrowIfAny();
    }

    private async Task<List<HypothesisState>> HypothesesOfAsync(IReadOnlyCollection<Goal> goals, CancellationToken cancellationToken)
    {
        var ids = goals.SelectMany(g => g.HypothesisIds).Distinct().ToList();
        return ids.Count == 0 ? [] : await db.HypothesisStates.AsNoTracking().Where(h => ids.Contains(h.HypothesisId)).ToListAsync(cancellationToken);
    }

    private void RaiseGoalChanged(Goal goal, string status) =>
        db.AddIntegrationEvent(new GoalChanged(goal.Id, goal.ProductId, goal.Title, status) { WorkspaceId = workspace.WorkspaceId!.Value });

    private async Task<List<KeyResult>> KeyResultsOfAsync(IReadOnlyCollection<Guid> goalIds, CancellationToken cancellationToken) =>
        await db.KeyResults.AsNoTracking().Where(k => goalIds.Contains(k.GoalId)).ToListAsync(cancellationToken);

    private async Task<Goal> FindAsync(string name, string field, CancellationToken cancellationToken)
    {
        var id = ResourceNames.ParseId(name, GoalMapping.Goals, field);
        return await db.Goals.FirstOrDefaultAsync(g => g.Id == id, cancellationToken) ?? throw new NotFoundException("Goal", name);
    }

    private async Task<KeyResult> FindKeyResultAsync(string name, string field, CancellationToken cancellationToken)
    {
        var (goalId, id) = ResourceNames.ParseChildId(name, GoalMapping.Goals, GoalMapping.KeyResults, field);
        return await db.KeyResults.FirstOrDefaultAsync(k => k.Id == id && k.GoalId == goalId, cancellationToken)
            ?? throw new NotFoundException("KeyResult", name);
    }
}
