using Grpc.Core;
using Lodestar.Api;
using Lodestar.Common.V1;
using Lodestar.Errors;
using Lodestar.Persistence;
using Lodestar.Security;
using Lodestar.Strategy.Domain.Products;
using Lodestar.Strategy.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using V1 = Lodestar.Strategy.V1;

namespace Lodestar.Strategy.Grpc;

/// <summary>lodestar.strategy.v1.ProductService: products and their stage reviews.</summary>
public sealed class ProductGrpcService(StrategyDbContext db, IWorkspaceContext workspace, IOptions<StageSuggestionOptions> stageSuggestion)
    : V1.ProductService.ProductServiceBase
{
    public override async Task<V1.Product> CreateProduct(V1.CreateProductRequest request, ServerCallContext context)
    {
        var input = request.Product ?? throw new ValidationException("product", "Required.");
        var product = ProductEditor.Create(input);
        db.Products.Add(product);
        db.AnnounceChanged(product, workspace.WorkspaceId!.Value);
        await db.SaveChangesAsync(context.CancellationToken);
        return product.ToProto();
    }

    public override async Task<V1.Product> GetProduct(V1.GetProductRequest request, ServerCallContext context) =>
        (await db.FindProductAsync(request.Name, "name", context.CancellationToken)).ToProto();

    public override async Task<V1.ListProductsResponse> ListProducts(V1.ListProductsRequest request, ServerCallContext context)
    {
        new Violations().DefinedEnum("stage", request.Stage, allowZero: true).ThrowIfAny();
        var size = Pagination.PageSize(request.PageSize);
        var fingerprint = Pagination.Fingerprint(nameof(ListProducts), request.Stage.ToString(), request.ShowArchived.ToString());
        var cursor = Pagination.Decode(request.PageToken, fingerprint);

        var query = db.Products.AsNoTracking();
        if (request.Stage != V1.LifecycleStage.Unspecified) query = query.Where(p => p.Stage == (LifecycleStage)request.Stage);
        if (!request.ShowArchived) query = query.Where(p => !p.Archived);
        // Display names are unique in a workspace, so they alone are a stable keyset.
        if (cursor is not null) query = query.Where(p => string.Compare(p.DisplayName, cursor.LastSortKey) > 0);
        var page = await query.OrderBy(p => p.DisplayName).Take(size + 1).ToListAsync(context.CancellationToken);

        var response = new V1.ListProductsResponse { Products = { page.Take(size).Select(p => p.ToProto()) } };
        if (page.Count > size)
            response.NextPageToken = Pagination.Encode(new PageCursor { RequestFingerprint = fingerprint, LastSortKey = page[size - 1].DisplayName });
        return response;
    }

    public override Task<V1.Product> UpdateProduct(V1.UpdateProductRequest request, ServerCallContext context) =>
        db.RetryOnConflictAsync(async () =>
        {
            var input = request.Product ?? throw new ValidationException("product", "Required.");
            var product = await db.FindProductAsync(input.Name, "product.name", context.CancellationToken);
            product.EnsureChangeable();
            db.ExpectETag(product, input.Metadata?.Etag, "product.metadata.etag");

            ProductEditor.Apply(product, input, request.UpdateMask);
            if (db.Entry(product).State == EntityState.Modified) db.AnnounceChanged(product, workspace.WorkspaceId!.Value);
            await db.SaveChangesAsync(context.CancellationToken);
            return product.ToProto();
        });

    public override Task<V1.Product> ArchiveProduct(V1.ArchiveProductRequest request, ServerCallContext context) =>
        db.RetryOnConflictAsync(async () =>
        {
            var product = await db.FindProductAsync(request.Name, "name", context.CancellationToken);
            db.ExpectETag(product, request.Etag);
            if (product.Archive())
            {
                db.AnnounceChanged(product, workspace.WorkspaceId!.Value);
                await db.SaveChangesAsync(context.CancellationToken);
            }
            return product.ToProto();
        });

    public override Task<V1.StageReview> CreateStageReview(V1.CreateStageReviewRequest request, ServerCallContext context) =>
        db.RetryOnConflictAsync(async () =>
        {
            var product = await db.FindProductAsync(request.Parent, "parent", context.CancellationToken);
            var input = request.StageReview ?? throw new ValidationException("stage_review", "Required.");
            var (decision, target, rationale, evidenceLinks) = StageReviewInput.Read(input);

            var (stage, archived) = (product.Stage, product.Archived);
            var review = product.Review(decision, target, rationale, evidenceLinks);
            db.StageReviews.Add(review);
            if (product.Stage != stage) db.AnnounceStageChanged(product, stage);
            if (product.Stage != stage || product.Archived != archived) db.AnnounceChanged(product, workspace.WorkspaceId!.Value);
            await db.SaveChangesAsync(context.CancellationToken);
            return review.ToProto();
        });

    public override async Task<V1.StageSuggestion> GetStageSuggestion(V1.GetStageSuggestionRequest request, ServerCallContext context)
    {
        var product = await db.FindProductAsync(ResourceNames.ParseSingletonParentId(request.Name, StrategyNames.Products, "stageSuggestion", "name"), request.Name, context.CancellationToken);
        var options = stageSuggestion.Value;
        var key = product.StageMetricKey ?? options.MetricKey;
        var periodDays = StageSuggestionOptions.PeriodDays[key];
        var violations = new Violations();
        var asOf = request.AsOfDate is null ? DateOnly.MaxValue : violations.Read("as_of_date", request.AsOfDate) ?? DateOnly.MaxValue;
        violations.ThrowIfAny();
        var points = await db.ActivityWindowAsync(product.Id, key, asOf, (options.Periods + 1) * periodDays, context.CancellationToken);
        var suggestion = StageSuggestionRule.Suggest(StagePeriods.Sample(points, periodDays, options.Periods + 1), options, key, periodDays);
        return suggestion.ToProto(request.Name, product, key);
    }

    public override async Task<V1.Positioning> GetPositioning(V1.GetPositioningRequest request, ServerCallContext context)
    {
        var product = await db.FindProductAsync(ResourceNames.ParseSingletonParentId(request.Name, StrategyNames.Products, "positioning", "name"), request.Name, context.CancellationToken);
        var positioning = await db.Positionings.AsNoTracking().FirstOrDefaultAsync(p => p.ProductId == product.Id, context.CancellationToken);
        return (positioning ?? new Positioning { ProductId = product.Id }).ToProto(product);
    }

    public override async Task<V1.Positioning> UpdatePositioning(V1.UpdatePositioningRequest request, ServerCallContext context)
    {
        var input = request.Positioning ?? throw new ValidationException("positioning", "Required.");
        var product = await db.FindProductAsync(ResourceNames.ParseSingletonParentId(input.Name, StrategyNames.Products, "positioning", "positioning.name"), input.Name, context.CancellationToken);
        product.EnsureChangeable();
        var positioning = await db.PositioningToEditAsync(product, input.Name, input.Metadata?.Etag, context.CancellationToken);
        PositioningEditor.Apply(positioning, input, request.UpdateMask);
        await db.SaveChangesAsync(context.CancellationToken);
        return positioning.ToProto(product);
    }

    public override async Task<V1.ListStageReviewsResponse> ListStageReviews(V1.ListStageReviewsRequest request, ServerCallContext context)
    {
        var product = await db.FindProductAsync(request.Parent, "parent", context.CancellationToken);
        var size = Pagination.PageSize(request.PageSize);
        var fingerprint = Pagination.Fingerprint(nameof(ListStageReviews), request.Parent);
        var cursor = Pagination.Decode(request.PageToken, fingerprint);

        var query = db.StageReviews.AsNoTracking().Where(r => r.ProductId == product.Id);
        // Newest first; reviews of one product are human decisions, never recorded in the same tick.
        if (cursor is not null) query = query.Where(r => r.CreateTime < new DateTime(long.Parse(cursor.LastSortKey), DateTimeKind.Utc));
        var page = await query.OrderByDescending(r => r.CreateTime).Take(size + 1).ToListAsync(context.CancellationToken);

        var response = new V1.ListStageReviewsResponse { StageReviews = { page.Take(size).Select(r => r.ToProto()) } };
        if (page.Count > size)
        {
            response.NextPageToken = Pagination.Encode(new PageCursor
            {
                RequestFingerprint = fingerprint,
                LastSortKey = page[size - 1].CreateTime.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
        }
        return response;
    }
}
