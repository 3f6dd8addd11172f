using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Lodestar.Api;
using Lodestar.Backlog.Domain.Sprints;
using Lodestar.Backlog.Infrastructure;
using Lodestar.Errors;
using Lodestar.Persistence;
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
        var query = db.SprintsOf(productId, [.. request.States.Select(s => (SprintState)s)]);
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
        sprint.EnsureDeletable();
        foreach (var item in await db.Items.Where(i => i.SprintId == sprint.Id).ToListAsync(context.CancellationToken)) item.SprintId = null;
        db.Sprints.Remove(sprint);
        await db.SaveChangesAsync(context.CancellationToken);
        return new Empty();
    }

    public override async Task<V1.SprintPlan> PlanSprint(V1.PlanSprintRequest request, ServerCallContext context)
    {
        var requestedCapacity = SprintEditor.ReadCapacity(request);
        var sprint = await db.FindSprintAsync(request.Name, "name", context.CancellationToken);
        sprint.EnsureOpen();
        var product = await db.FindProductAsync(sprint.ProductId, ResourceNames.Format(BacklogNames.Products, sprint.ProductId), context.CancellationToken);
        var velocity = await db.RecentVelocityAsync(sprint.ProductId, context.CancellationToken);
        var committed = await db.Items.AsNoTracking().Where(i => i.SprintId == sprint.Id)
            .Select(i => new PlanCandidate(i.Id, i.Title, i.Type, i.EstimatePoints, Array.Empty<Guid>())).ToListAsync(context.CancellationToken);
        var (candidates, finished) = await db.PlanningCandidatesAsync(sprint.ProductId, MaxCandidates, context.CancellationToken);

        var plan = sprint.Plan([.. candidates.Select(c => new PlanCandidate(c.Id, c.Title, c.Type, c.EstimatePoints, c.BlockedBy))], committed,
            requestedCapacity, velocity, product.MaintenanceShare, finished);
        if (!request.ValidateOnly)
        {
            var byId = candidates.ToDictionary(c => c.Id);
            foreach (var outcome in plan.Outcomes.Where(o => o.Added)) db.SprintItems.Add(sprint.Commit(byId[outcome.Candidate.Id], StoredTime.Now));
            await db.SaveChangesAsync(context.CancellationToken);
        }
        return plan.ToProto(await ViewAsync(sprint, context.CancellationToken), MaxSkippedReported);
    }

    public override async Task<V1.Sprint> AddSprintItem(V1.AddSprintItemRequest request, ServerCallContext context)
    {
        var sprint = await db.FindSprintAsync(request.Name, "name", context.CancellationToken);
        var item = await db.FindItemAsync(request.BacklogItem, "backlog_item", context.CancellationToken);
        if (sprint.Accepts(item))
        {
            db.SprintItems.Add(sprint.Commit(item, StoredTime.Now));
            await db.SaveChangesAsync(context.CancellationToken);
        }
        return await ViewAsync(sprint, context.CancellationToken);
    }

    public override async Task<V1.Sprint> RemoveSprintItem(V1.RemoveSprintItemRequest request, ServerCallContext context)
    {
        var sprint = await db.FindSprintAsync(request.Name, "name", context.CancellationToken);
        var item = await db.FindItemAsync(request.BacklogItem, "backlog_item", context.CancellationToken);
        var entries = await db.SprintItems.Where(s => s.SprintId == sprint.Id && s.ItemId == item.Id && s.RemovedAt == null).ToListAsync(context.CancellationToken);
        sprint.Remove(item, entries, StoredTime.Now);
        await db.SaveChangesAsync(context.CancellationToken);
        return await ViewAsync(sprint, context.CancellationToken);
    }

    public override async Task<V1.Sprint> StartSprint(V1.StartSprintRequest request, ServerCallContext context)
    {
        var sprint = await db.FindSprintAsync(request.Name, "name", context.CancellationToken);
        var activeSprint = await db.Sprints.AnyAsync(s => s.ProductId == sprint.ProductId && s.State == SprintState.Active, context.CancellationToken);
        var committed = await db.Items.Where(i => i.SprintId == sprint.Id).SumAsync(i => i.EstimatePoints ?? 0, context.CancellationToken);
        sprint.Start(committed, activeSprint, StoredTime.Now);
        await db.SaveChangesAsync(context.CancellationToken);
        return await ViewAsync(sprint, context.CancellationToken);
    }

    public override async Task<V1.Sprint> CompleteSprint(V1.CompleteSprintRequest request, ServerCallContext context)
    {
        var sprint = await db.FindSprintAsync(request.Name, "name", context.CancellationToken);
        var target = await db.RolloverTargetAsync(sprint, request.RolloverSprint, "rollover_sprint", context.CancellationToken);
        var items = await db.Items.Where(i => i.SprintId == sprint.Id).ToListAsync(context.CancellationToken);
        var openEntries = await db.SprintItems.Where(s => s.SprintId == sprint.Id && s.RemovedAt == null).ToDictionaryAsync(s => s.ItemId, context.CancellationToken);
        db.SprintItems.AddRange(sprint.Complete(items, openEntries, target, StoredTime.Now));
        db.AnnounceCompleted(sprint);
        await db.SaveChangesAsync(context.CancellationToken);
        return await ViewAsync(sprint, context.CancellationToken);
    }

    public override async Task<V1.SprintBurndown> GetSprintBurndown(V1.GetSprintBurndownRequest request, ServerCallContext context)
    {
        var sprint = await db.FindSprintOfAsync(request.Name, "burndown", "name", context.CancellationToken);
        var history = await db.BurndownHistoryAsync(sprint.Id, context.CancellationToken);
        return Burndown.Of(sprint, history, DateOnly.FromDateTime(DateTime.UtcNow)).ToProto(request.Name);
    }

    private async Task<V1.Sprint> ViewAsync(Sprint sprint, CancellationToken cancellationToken)
    {
        // Tracked changes not yet saved (validate-only plans never save) are not in the query; saved ones are.
        var (itemIds, points) = await db.CommittedItemsAsync(sprint.Id, cancellationToken);
        return sprint.ToProto(itemIds, points);
    }
}
