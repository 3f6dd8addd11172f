using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Lodestar.Api;
using Lodestar.Backlog.Domain.Items;
using Lodestar.Backlog.Domain.Scoring;
using Lodestar.Backlog.Infrastructure;
using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Errors;
using Lodestar.Messaging.Outbox;
using Lodestar.Persistence;
using Microsoft.EntityFrameworkCore;
using V1 = Lodestar.Backlog.V1;

namespace Lodestar.Backlog.Grpc;

/// <summary>lodestar.backlog.v1.BacklogItemService: the items of a product's backlog.</summary>
public sealed class BacklogItemGrpcService(BacklogDbContext db, ItemEditor editor) : V1.BacklogItemService.BacklogItemServiceBase
{
    private const int MaxText = 200;

    public override async Task<V1.BacklogItem> CreateBacklogItem(V1.CreateBacklogItemRequest request, ServerCallContext context)
    {
        var input = request.BacklogItem ?? throw new ValidationException("backlog_item", "Required.");
        var productId = ResourceNames.ParseId(input.Product, BacklogNames.Products, "backlog_item.product");
        var product = await db.FindActiveProductAsync(productId, input.Product, context.CancellationToken);
        var item = new BacklogItem { ProductId = productId };
        await editor.ApplyAsync(item, product, input, ItemEditor.Fields, creating: true, context.CancellationToken);
        await db.RescoreAsync(item, product, place: true, context.CancellationToken);
        db.Items.Add(item);
        await db.SaveChangesAsync(context.CancellationToken);
        return await ViewAsync(item, context.CancellationToken);
    }

    public override async Task<V1.BacklogItem> GetBacklogItem(V1.GetBacklogItemRequest request, ServerCallContext context) =>
        await ViewAsync(await db.FindItemAsync(request.Name, "name", context.CancellationToken), context.CancellationToken);

    public override async Task<V1.ListBacklogItemsResponse> ListBacklogItems(V1.ListBacklogItemsRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        var productId = ResourceNames.ParseOptionalId(request.Product, BacklogNames.Products, "product");
        var parentId = ResourceNames.ParseOptionalId(request.Parent, BacklogNames.Items, "parent");
        foreach (var type in request.ItemTypes) violations.DefinedEnum("item_types", type, allowZero: false);
        foreach (var status in request.Statuses) violations.DefinedEnum("statuses", status, allowZero: false);
        violations.OptionalText("text", request.Text, MaxText).OptionalText("label", request.Label, BacklogItem.MaxLabel).ThrowIfAny();

        var query = db.Items.AsNoTracking();
        if (productId is { } product) query = query.Where(i => i.ProductId == product);
        if (parentId is { } parent) query = query.Where(i => i.ParentId == parent);
        if (request.ItemTypes.Count > 0)
        {
            var types = request.ItemTypes.Select(t => (ItemType)t).ToList();
            query = query.Where(i => types.Contains(i.Type));
        }
        if (request.Statuses.Count > 0)
        {
            var statuses = request.Statuses.Select(s => (ItemStatus)s).ToList();
            query = query.Where(i => statuses.Contains(i.Status));
        }
        if (request.Label.Trim() is { Length: > 0 } label) query = query.Where(i => i.Labels.Contains(label));
        if (request.Text.Trim() is { Length: > 0 } text)
        {
            var pattern = "%" + text.ToLowerInvariant().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            query = query.Where(i => EF.Functions.Like(i.Title.ToLower(), pattern, "\\") || EF.Functions.Like(i.Description.ToLower(), pattern, "\\"));
        }
        var fingerprint = Pagination.Fingerprint(nameof(ListBacklogItems), request.Product, request.Parent, string.Join(",", request.ItemTypes),
            string.Join(",", request.Statuses), request.Label, request.Text);
        var (page, next) = await Pagination.OffsetPageAsync(request.PageSize, request.PageToken, fingerprint,
            (skip, take) => query.OrderByDescending(i => i.CreateTime).ThenByDescending(i => i.Id).Skip(skip).Take(take).ToListAsync(context.CancellationToken));
        var itemContext = await db.LoadContextAsync(page, context.CancellationToken);
        return new V1.ListBacklogItemsResponse { BacklogItems = { page.Select(i => i.ToProto(itemContext)) }, NextPageToken = next };
    }

    public override async Task<V1.BacklogItem> UpdateBacklogItem(V1.UpdateBacklogItemRequest request, ServerCallContext context)
    {
        var input = request.BacklogItem ?? throw new ValidationException("backlog_item", "Required.");
        var paths = FieldMasks.Require(request.UpdateMask, ItemEditor.Fields);
        var item = await db.FindItemAsync(input.Name, "backlog_item.name", context.CancellationToken);
        db.ExpectETag(item, input.Metadata?.Etag, "backlog_item.metadata.etag");
        var product = await db.FindProductAsync(item.ProductId, ResourceNames.Format(BacklogNames.Products, item.ProductId), context.CancellationToken);
        var shipped = await editor.ApplyAsync(item, product, input, paths, creating: false, context.CancellationToken);
        await db.RescoreAsync(item, product, place: false, context.CancellationToken);
        if (shipped) RaiseShipped(item);
        await db.SaveChangesAsync(context.CancellationToken);
        return await ViewAsync(item, context.CancellationToken);
    }

    public override async Task<Empty> DeleteBacklogItem(V1.DeleteBacklogItemRequest request, ServerCallContext context)
    {
        var item = await db.FindItemAsync(request.Name, "name", context.CancellationToken);
        db.ExpectETag(item, request.Etag);
        if (await db.Items.AnyAsync(i => i.ParentId == item.Id, context.CancellationToken))
            throw new FailedPreconditionException("This epic has children: move or delete them first.");
        var blocked = await db.Items.Where(i => i.ProductId == item.ProductId && i.BlockedBy.Contains(item.Id)).Select(i => i.Id).ToListAsync(context.CancellationToken);
        if (blocked.Count > 0)
        {
            throw new FailedPreconditionException(
                $"Other items are blocked by it: {string.Join(", ", blocked.Select(id => ResourceNames.Format(BacklogNames.Items, id)))}. Remove those links first.");
        }
        // Leaving a sprint is recorded, so the sprint's burndown stops counting it from now on.
        if (item.SprintId is { } sprintId)
        {
            foreach (var entry in await db.SprintItems.Where(s => s.SprintId == sprintId && s.ItemId == item.Id && s.RemovedAt == null).ToListAsync(context.CancellationToken))
                entry.RemovedAt = StoredTime.Now;
        }
        db.Items.Remove(item);
        await db.SaveChangesAsync(context.CancellationToken);
        return new Empty();
    }

    public override async Task<V1.BacklogItem> AddKanoResponses(V1.AddKanoResponsesRequest request, ServerCallContext context)
    {
        var item = await db.FindItemAsync(request.Name, "name", context.CancellationToken);
        var violations = new Violations();
        if (request.Responses.Count is 0 or > ScoringMapping.MaxKanoPerCall)
            violations.Add("responses", $"From 1 to {ScoringMapping.MaxKanoPerCall:N0} answer pairs; got {request.Responses.Count:N0}.");
        var answers = item.Inputs.Kano is { } kano ? new KanoAnswers { PairCounts = [.. kano.PairCounts] } : new KanoAnswers();
        ScoringMapping.AddKano(violations, "responses", request.Responses, answers);
        violations.ThrowIfAny();
        item.Inputs = new PriorityInputs
        {
            Rice = item.Inputs.Rice, Ice = item.Inputs.Ice, Wsjf = item.Inputs.Wsjf, ValueEffort = item.Inputs.ValueEffort, Moscow = item.Inputs.Moscow,
            Kano = answers, Weighted = item.Inputs.Weighted, Ranges = item.Inputs.Ranges,
        };
        var product = await db.FindProductAsync(item.ProductId, ResourceNames.Format(BacklogNames.Products, item.ProductId), context.CancellationToken);
        await db.RescoreAsync(item, product, place: false, context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
        return await ViewAsync(item, context.CancellationToken);
    }

    private void RaiseShipped(BacklogItem item) =>
        db.AddIntegrationEvent(new BacklogItemShipped(item.Id, item.ProductId, item.Title, item.HypothesisIds, item.GoalIds, item.InitiativeIds)
        {
            WorkspaceId = item.WorkspaceId,
        });

    private async Task<V1.BacklogItem> ViewAsync(BacklogItem item, CancellationToken cancellationToken) =>
        item.ToProto(await db.LoadContextAsync([item], cancellationToken));

}
