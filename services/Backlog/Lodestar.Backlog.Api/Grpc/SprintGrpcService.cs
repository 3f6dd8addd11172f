using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Lodestar.Backlog.Domain.Items;
using Lodestar.Backlog.Domain.Sprints;
using Lodestar.Backlog.Infrastructure;
using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Errors;
using Lodestar.Messaging.Outbox;
using Lodestar.Persistence;
using Lodestar.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using V1 = Lodestar.Backlog.V1;

namespace Lodestar.Backlog.Grpc;

/// <summary>lodestar.backlog.v1.SprintService: sprints, planning, delivery and retrospectives.</summary>
public sealed class SprintGrpcService(BacklogDbContext db, SprintEditor editor) : V1.SprintService.SprintServiceBase
{
    private const int MaxCandidates = 1_000;
    private const int MaxSkippedReported = 100;

    public override async Task<V1.Sprint> CreateSprint(V1.CreateSprintRequest request, ServerCallContext context)
    {
        var input = request.Sprint ?? throw new ValidationException("sprint", "Required.");
        var productId = ResourceNames.ParseId(input.Product, BacklogNames.Products, "sprint.product");
        var sprint = new Sprint { ProductId = productId };
        await editor.ApplyAsync(sprint, input, SprintEditor.Fields, context.CancellationToken);
        await db.FindActiveProductAsync(productId, input.Product, context.CancellationToken);
        db.Sprints.Add(sprint);
        await db.SaveChangesAsync(context.CancellationToken);
        return await ViewAsync(sprint, context.CancellationToken);
    }

    public override async Task<V1.Sprint> GetSprint(V1.GetSprintRequest request, ServerCallContext context) =>
        await ViewAsync(await db.FindSprintAsync(request.Name, "name", context.CancellationToken), context.CancellationToken);

    public override async Task<V1.ListSprintsResponse> ListSprints(V1.ListSprintsRequest request, ServerCallContext context)
    {
        var productId = ResourceNames.ParseOptionalId(request.Product, BacklogNames.Products, "product");
        var violations = new Violations();
        foreach (var state in request.States) violations.DefinedEnum("states", state, allowZero: false);
        violations.ThrowIfAny();
        var query = db.Sprints.AsNoTracking();
        if (productId is { } product) query = query.Where(s => s.ProductId == product);
        if (request.States.Count > 0)
        {
            var states = request.States.Select(s => (SprintState)s).ToList();
            query = query.Where(s => states.Contains(s.State));
        }
        var (page, next) = await Pagination.OffsetPageAsync(request.PageSize, request.PageToken,
            Pagination.Fingerprint(nameof(ListSprints), request.Product, string.Join(",", request.States)),
            (skip, take) => query.OrderByDescending(s => s.StartDate).ThenBy(s => s.Id).Skip(skip).Take(take).ToListAsync(context.CancellationToken));
        var response = new V1.ListSprintsResponse { NextPageToken = next };
        foreach (var sprint in page) response.Sprints.Add(await ViewAsync(sprint, context.CancellationToken));
        return response;
    }

    public override async Task<V1.Sprint> UpdateSprint(V1.UpdateSprintRequest request, ServerCallContext context)
    {
        var input = request.Sprint ?? throw new ValidationException("sprint", "Required.");
        var paths = FieldMasks.Require(request.UpdateMask, SprintEditor.Fields);
        var sprint = await db.FindSprintAsync(input.Name, "sprint.name", context.CancellationToken);
        db.ExpectETag(sprint, input.Metadata?.Etag, "sprint.metadata.etag");
        await editor.ApplyAsync(sprint, input, paths, context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
        return await ViewAsync(sprint, context.CancellationToken);
    }

    public override async Task<Empty> DeleteSprint(V1.DeleteSprintRequest request, ServerCallContext context)
    {
        var sprint = await db.FindSprintAsync(request.Name, "name", context.CancellationToken);
        db.ExpectETag(sprint, request.Etag);
        if (sprint.State != SprintState.Planned) throw new FailedPreconditionException($"Only a planned sprint can be deleted; this one is {sprint.State}.");
        foreach (var item in await db.Items.Where(i => i.SprintId == sprint.Id).ToListAsync(context.CancellationToken)) item.SprintId = null;
        db.Sprints.Remove(sprint);
        await db.SaveChangesAsync(context.CancellationToken);
        return new Empty();
    }

    public override async Task<V1.SprintPlan> PlanSprint(V1.PlanSprintRequest request, ServerCallContext context)
    {
        if (request.HasCapacityPoints && (!double.IsFinite(request.CapacityPoints) || request.CapacityPoints <= 0 || request.CapacityPoints > Sprint.MaxCapacity))
            throw new ValidationException("capacity_points", $"More than 0 and at most {Sprint.MaxCapacity:N0}; got {request.CapacityPoints}.");
        var sprint = await db.FindSprintAsync(request.Name, "name", context.CancellationToken);
        EnsureOpen(sprint);
        var product = await db.FindProductAsync(sprint.ProductId, ResourceNames.Format(BacklogNames.Products, sprint.ProductId), context.CancellationToken);
        var (capacity, source) = request.HasCapacityPoints ? (request.CapacityPoints, "request")
            : sprint.CapacityPoints is { } own ? (own, "sprint")
            : (await db.RecentVelocityAsync(sprint.ProductId, context.CancellationToken) ?? throw new FailedPreconditionException(
                "The sprint has no capacity and the product has no completed sprints to take a velocity from: set capacity_points."), "velocity");

        var committed = await db.Items.AsNoTracking().Where(i => i.SprintId == sprint.Id).Select(i => new { i.Id, i.Type, i.EstimatePoints }).ToListAsync(context.CancellationToken);
        var candidates = await db.Items.Where(i => i.ProductId == sprint.ProductId && i.SprintId == null
                && (i.Status == ItemStatus.Idea || i.Status == ItemStatus.Ready || i.Status == ItemStatus.InProgress))
            .OrderBy(i => i.Rank).ThenBy(i => i.Id).Take(MaxCandidates).ToListAsync(context.CancellationToken);
        var blockerIds = candidates.SelectMany(c => c.BlockedBy).Distinct().ToList();
        var finished = await db.Items.AsNoTracking().Where(i => blockerIds.Contains(i.Id) && (i.Status == ItemStatus.Done || i.Status == ItemStatus.Shipped))
            .Select(i => i.Id).ToListAsync(context.CancellationToken);
        var outcomes = SprintPlanner.Plan(
            [.. candidates.Select(c => new PlanCandidate(c.Id, c.Title, c.Type, c.EstimatePoints, c.BlockedBy))],
            capacity,
            committed.Sum(c => c.EstimatePoints ?? 0),
            committed.Where(c => c.Type is ItemType.Bug or ItemType.TechDebt).Sum(c => c.EstimatePoints ?? 0),
            product.MaintenanceShare,
            finished.Concat(committed.Select(c => c.Id)).ToHashSet());

        var plan = new V1.SprintPlan
        {
            CapacityPoints = capacity,
            CapacitySource = source,
            MaintenanceTargetPoints = product.MaintenanceShare * capacity,
            MaintenancePoints = committed.Where(c => c.Type is ItemType.Bug or ItemType.TechDebt).Sum(c => c.EstimatePoints ?? 0)
                + outcomes.Where(o => o.Added && o.Candidate.IsMaintenance).Sum(o => o.Candidate.Points ?? 0),
            Added =
            {
                outcomes.Where(o => o.Added).Select(o => new V1.PlannedItem
                {
                    BacklogItem = ResourceNames.Format(BacklogNames.Items, o.Candidate.Id), Title = o.Candidate.Title, Points = o.Candidate.Points ?? 0, Maintenance = o.Maintenance,
                }),
            },
            Skipped =
            {
                outcomes.Where(o => !o.Added).Take(MaxSkippedReported).Select(o => new V1.SkippedItem
                {
                    BacklogItem = ResourceNames.Format(BacklogNames.Items, o.Candidate.Id), Title = o.Candidate.Title, Points = o.Candidate.Points ?? 0,
                    Reason = (V1.SkipReason)o.Reason!.Value, Detail = o.Detail,
                }),
            },
        };
        if (!request.ValidateOnly)
        {
            var byId = candidates.ToDictionary(c => c.Id);
            foreach (var outcome in outcomes.Where(o => o.Added)) Commit(sprint, byId[outcome.Candidate.Id]);
            await db.SaveChangesAsync(context.CancellationToken);
        }
        plan.Sprint = await ViewAsync(sprint, context.CancellationToken);
        return plan;
    }

    public override async Task<V1.Sprint> AddSprintItem(V1.AddSprintItemRequest request, ServerCallContext context)
    {
        var sprint = await db.FindSprintAsync(request.Name, "name", context.CancellationToken);
        var item = await db.FindItemAsync(request.BacklogItem, "backlog_item", context.CancellationToken);
        EnsureOpen(sprint);
        if (item.ProductId != sprint.ProductId) throw new ValidationException("backlog_item", "The item belongs to another product.");
        if (item.Type == ItemType.Epic) throw new ValidationException("backlog_item", "An epic is not planned itself: add its children.");
        if (!item.Status.IsOpen()) throw new FailedPreconditionException($"The item is {item.Status}: only open items can be committed.");
        if (item.SprintId == sprint.Id) return await ViewAsync(sprint, context.CancellationToken);
        if (item.SprintId is { } other)
            throw new FailedPreconditionException($"The item is committed to {ResourceNames.Format(BacklogNames.Sprints, other)}: remove it there first.");
        Commit(sprint, item);
        await db.SaveChangesAsync(context.CancellationToken);
        return await ViewAsync(sprint, context.CancellationToken);
    }

    public override async Task<V1.Sprint> RemoveSprintItem(V1.RemoveSprintItemRequest request, ServerCallContext context)
    {
        var sprint = await db.FindSprintAsync(request.Name, "name", context.CancellationToken);
        var item = await db.FindItemAsync(request.BacklogItem, "backlog_item", context.CancellationToken);
        EnsureOpen(sprint);
        if (item.SprintId != sprint.Id) throw new FailedPreconditionException("The item is not committed to this sprint.");
        await ReleaseAsync(sprint, item, null, context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
        return await ViewAsync(sprint, context.CancellationToken);
    }

    public override async Task<V1.Sprint> StartSprint(V1.StartSprintRequest request, ServerCallContext context)
    {
        var sprint = await db.FindSprintAsync(request.Name, "name", context.CancellationToken);
        if (sprint.State != SprintState.Planned) throw new FailedPreconditionException($"Only a planned sprint can start; this one is {sprint.State}.");
        if (await db.Sprints.AnyAsync(s => s.ProductId == sprint.ProductId && s.State == SprintState.Active, context.CancellationToken))
            throw new FailedPreconditionException("The product already has an active sprint: complete it first.");
        sprint.State = SprintState.Active;
        sprint.StartTime = StoredTime.Now;
        sprint.StartPoints = await db.Items.Where(i => i.SprintId == sprint.Id).SumAsync(i => i.EstimatePoints ?? 0, context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
        return await ViewAsync(sprint, context.CancellationToken);
    }

    public override async Task<V1.Sprint> CompleteSprint(V1.CompleteSprintRequest request, ServerCallContext context)
    {
        var sprint = await db.FindSprintAsync(request.Name, "name", context.CancellationToken);
        if (sprint.State != SprintState.Active) throw new FailedPreconditionException($"Only the active sprint can complete; this one is {sprint.State}.");
        var target = await RolloverTargetAsync(sprint, request.RolloverSprint, context.CancellationToken);
        var items = await db.Items.Where(i => i.SprintId == sprint.Id).ToListAsync(context.CancellationToken);
        var history = await db.SprintItems.Where(s => s.SprintId == sprint.Id && s.RemovedAt == null).ToDictionaryAsync(s => s.ItemId, context.CancellationToken);
        sprint.CompletedPoints = items.Where(i => i.Status.IsFinished()).Sum(i => history.TryGetValue(i.Id, out var h) ? h.Points : i.EstimatePoints ?? 0);
        foreach (var item in items.Where(i => !i.Status.IsFinished()))
        {
            await ReleaseAsync(sprint, item, target?.Id, context.CancellationToken);
            if (target is not null) Commit(target, item);
        }
        sprint.State = SprintState.Completed;
        sprint.CompleteTime = StoredTime.Now;
        db.AddIntegrationEvent(new SprintCompleted(sprint.Id, sprint.ProductId, sprint.StartPoints, sprint.CompletedPoints) { WorkspaceId = sprint.WorkspaceId });
        await db.SaveChangesAsync(context.CancellationToken);
        return await ViewAsync(sprint, context.CancellationToken);
    }

    public override async Task<V1.SprintBurndown> GetSprintBurndown(V1.GetSprintBurndownRequest request, ServerCallContext context)
    {
        var id = ResourceNames.ParseSingletonParentId(request.Name, BacklogNames.Sprints, "burndown", "name");
        var sprint = await db.FindSprintAsync(ResourceNames.Format(BacklogNames.Sprints, id), "name", context.CancellationToken);
        var history = await db.SprintItems.AsNoTracking().Where(s => s.SprintId == sprint.Id).ToListAsync(context.CancellationToken);
        var itemIds = history.Select(h => h.ItemId).Distinct().ToList();
        var finished = await db.Items.AsNoTracking().Where(i => itemIds.Contains(i.Id) && (i.Status == ItemStatus.Done || i.Status == ItemStatus.Shipped))
            .ToDictionaryAsync(i => i.Id, i => i.DoneTime, context.CancellationToken);
        var days = Burndown.Of(sprint, [.. history.Select(h => (h, finished.GetValueOrDefault(h.ItemId)))], DateOnly.FromDateTime(DateTime.UtcNow));
        var response = new V1.SprintBurndown { Name = request.Name };
        foreach (var day in days)
        {
            var proto = new V1.BurndownDay { Date = day.Date.ToProto(), ScopePoints = day.Scope, CompletedPoints = day.Completed, IdealPoints = day.Ideal };
            if (day.Remaining is { } remaining) proto.RemainingPoints = remaining;
            response.Days.Add(proto);
        }
        return response;
    }

    private void Commit(Sprint sprint, BacklogItem item)
    {
        item.SprintId = sprint.Id;
        db.SprintItems.Add(new SprintItem { SprintId = sprint.Id, ItemId = item.Id, Points = item.EstimatePoints ?? 0, AddedAt = StoredTime.Now });
    }

    private async Task ReleaseAsync(Sprint sprint, BacklogItem item, Guid? rolledOverTo, CancellationToken cancellationToken)
    {
        item.SprintId = null;
        foreach (var entry in await db.SprintItems.Where(s => s.SprintId == sprint.Id && s.ItemId == item.Id && s.RemovedAt == null).ToListAsync(cancellationToken))
        {
            entry.RemovedAt = StoredTime.Now;
            entry.RolledOverTo = rolledOverTo;
        }
    }

    private async Task<Sprint?> RolloverTargetAsync(Sprint sprint, string name, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(name))
        {
            return await db.Sprints.Where(s => s.ProductId == sprint.ProductId && s.State == SprintState.Planned && s.Id != sprint.Id)
                .OrderBy(s => s.StartDate).FirstOrDefaultAsync(cancellationToken);
        }
        var target = await db.FindSprintAsync(name, "rollover_sprint", cancellationToken);
        if (target.ProductId != sprint.ProductId || target.State != SprintState.Planned)
            throw new ValidationException("rollover_sprint", "Unfinished items roll over to a planned sprint of the same product.");
        return target;
    }

    private static void EnsureOpen(Sprint sprint)
    {
        if (sprint.State == SprintState.Completed) throw new FailedPreconditionException("The sprint is completed: plan the next one.");
    }

    private async Task<V1.Sprint> ViewAsync(Sprint sprint, CancellationToken cancellationToken)
    {
        var items = await db.Items.AsNoTracking().Where(i => i.SprintId == sprint.Id).OrderBy(i => i.Rank)
            .Select(i => new { i.Id, i.EstimatePoints }).ToListAsync(cancellationToken);
        // Tracked changes not yet saved (validate-only plans never save) are not in the query; saved ones are.
        return sprint.ToProto([.. items.Select(i => i.Id)], items.Sum(i => i.EstimatePoints ?? 0));
    }
}
