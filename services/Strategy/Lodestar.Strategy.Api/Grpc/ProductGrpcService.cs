using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Lodestar.Common.V1;
using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Errors;
using Lodestar.Messaging.Outbox;
using Lodestar.Persistence;
using Lodestar.Security;
using Lodestar.ServiceDefaults;
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
        new Violations()
            .RequiredText("product.display_name", input.DisplayName, Product.MaxDisplayName)
            .OptionalText("product.description", input.Description, Product.MaxDescription)
            .DefinedEnum("product.stage", input.Stage, allowZero: true)
            .ThrowIfAny();
        var product = new Product
        {
            DisplayName = input.DisplayName.Trim(),
            Description = input.Description,
            Stage = input.Stage == V1.LifecycleStage.Unspecified ? LifecycleStage.Introduction : (LifecycleStage)input.Stage,
        };
        db.Products.Add(product);
        RaiseProductChanged(product);
        await db.SaveChangesAsync(context.CancellationToken);
        return product.ToProto();
    }

    public override async Task<V1.Product> GetProduct(V1.GetProductRequest request, ServerCallContext context) =>
        (await FindAsync(request.Name, "name", context.CancellationToken)).ToProto();

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

    public override async Task<V1.Product> UpdateProduct(V1.UpdateProductRequest request, ServerCallContext context)
    {
        var input = request.Product ?? throw new ValidationException("product", "Required.");
        var product = await FindAsync(input.Name, "product.name", context.CancellationToken);
        product.EnsureChangeable();
        db.ExpectETag(product, input.Metadata?.Etag, "product.metadata.etag");

        // Every path is checked below rather than by FieldMasks.Require, so a refusal names all bad fields at once and
        // "stage" is answered with the way it does change.
        var paths = request.UpdateMask is { Paths.Count: > 0 } mask ? FieldMasks.Paths(mask) : ["display_name", "description"];
        var violations = new Violations();
        foreach (var path in paths)
        {
            switch (path)
            {
                case "display_name":
                    violations.RequiredText("product.display_name", input.DisplayName, Product.MaxDisplayName);
                    product.DisplayName = input.DisplayName.Trim();
                    break;
                case "description":
                    violations.OptionalText("product.description", input.Description, Product.MaxDescription);
                    product.Description = input.Description;
                    break;
                case "stage":
                    violations.Add("update_mask", "The stage changes only through a stage review (CreateStageReview).");
                    break;
                case "stage_metric_key" when input.StageMetricKey.Length == 0:
                    product.StageMetricKey = null;
                    break;
                case "stage_metric_key" when StageSuggestionOptions.PeriodDays.ContainsKey(input.StageMetricKey):
                    product.StageMetricKey = input.StageMetricKey;
                    break;
                case "stage_metric_key":
                    violations.Add("product.stage_metric_key", $"One of {string.Join(", ", StageSuggestionOptions.PeriodDays.Keys)}, or empty for the default.");
                    break;
                default:
                    violations.Add("update_mask", $"'{path}' is not an updatable field: use display_name, description or stage_metric_key.");
                    break;
            }
        }
        violations.ThrowIfAny();
        if (db.Entry(product).State == EntityState.Modified) RaiseProductChanged(product);
        await db.SaveChangesAsync(context.CancellationToken);
        return product.ToProto();
    }

    public override async Task<V1.Product> ArchiveProduct(V1.ArchiveProductRequest request, ServerCallContext context)
    {
        var product = await FindAsync(request.Name, "name", context.CancellationToken);
        db.ExpectETag(product, request.Etag);
        if (!product.Archived)
        {
            product.Archived = true;
            RaiseProductChanged(product);
            await db.SaveChangesAsync(context.CancellationToken);
        }
        return product.ToProto();
    }

    public override async Task<V1.StageReview> CreateStageReview(V1.CreateStageReviewRequest request, ServerCallContext context)
    {
        var product = await FindAsync(request.Parent, "parent", context.CancellationToken);
        var input = request.StageReview ?? throw new ValidationException("stage_review", "Required.");
        var violations = new Violations()
            .DefinedEnum("stage_review.decision", input.Decision, allowZero: false)
            .DefinedEnum("stage_review.target_stage", input.TargetStage, allowZero: true)
            .RequiredText("stage_review.rationale", input.Rationale, Product.MaxRationale);
        violations.TextList("stage_review.evidence_links", input.EvidenceLinks, Product.MaxEvidenceLinks, Product.MaxEvidenceLink);
        if (input.Decision != V1.StageDecision.Move && input.TargetStage != V1.LifecycleStage.Unspecified)
            violations.Add("stage_review.target_stage", "Only a move takes a target stage.");
        violations.ThrowIfAny();

        var (stage, archived) = (product.Stage, product.Archived);
        var review = product.Review(
            (StageDecision)input.Decision,
            input.TargetStage == V1.LifecycleStage.Unspecified ? null : (LifecycleStage)input.TargetStage,
            input.Rationale.Trim(),
            input.EvidenceLinks.Select(l => l.Trim()).ToList());
        db.StageReviews.Add(review);
        if (product.Stage != stage)
        {
            db.AddIntegrationEvent(new ProductStageChanged(product.Id, product.Stage.ToEventName(), stage.ToEventName())
                { WorkspaceId = workspace.WorkspaceId!.Value });
        }
        if (product.Stage != stage || product.Archived != archived) RaiseProductChanged(product);
        await db.SaveChangesAsync(context.CancellationToken);
        return review.ToProto();
    }

    public override async Task<V1.StageSuggestion> GetStageSuggestion(V1.GetStageSuggestionRequest request, ServerCallContext context)
    {
        var product = await db.FindProductAsync(ResourceNames.ParseSingletonParentId(request.Name, ProductMapping.Products, "stageSuggestion", "name"), request.Name, context.CancellationToken);
        var options = stageSuggestion.Value;
        var key = product.StageMetricKey ?? options.MetricKey;
        var periodDays = StageSuggestionOptions.PeriodDays[key];
        var violations = new Violations();
        var asOf = request.AsOfDate is null ? DateOnly.MaxValue : violations.Read("as_of_date", request.AsOfDate) ?? DateOnly.MaxValue;
        violations.ThrowIfAny();
        var latest = await db.ActivityPoints.AsNoTracking().Where(p => p.ProductId == product.Id && p.MetricKey == key && p.Date <= asOf)
            .OrderByDescending(p => p.Date).Select(p => (DateOnly?)p.Date).FirstOrDefaultAsync(context.CancellationToken);
        List<ActivityPoint> points = [];
        if (latest is { } last)
        {
            var since = last.AddDays(-(options.Periods + 1) * periodDays);
            points = await db.ActivityPoints.AsNoTracking()
                .Where(p => p.ProductId == product.Id && p.MetricKey == key && p.Date > since && p.Date <= last).ToListAsync(context.CancellationToken);
        }
        var suggestion = StageSuggestionRule.Suggest(StagePeriods.Sample(points, periodDays, options.Periods + 1), options, key, periodDays);
        return new V1.StageSuggestion
        {
            Name = request.Name,
            SuggestedStage = suggestion.Stage is { } stage ? (V1.LifecycleStage)stage : V1.LifecycleStage.Unspecified,
            CurrentStage = (V1.LifecycleStage)product.Stage,
            Rule = suggestion.Rule,
            Explanation = suggestion.Explanation,
            History = { suggestion.History.Select(p => new V1.ActivityPoint { MeasureTime = p.MeasuredAt.ToUtcTimestamp(), ActiveUsers = p.ActiveUsers, Date = p.Date.ToProto() }) },
            MetricKey = key,
            AverageGrowth = suggestion.AverageGrowth,
            FallingPeriods = suggestion.FallingPeriods,
        };
    }

    /// <summary>Each positioning field: how to read it from the request, where it goes, and its length limit.</summary>
    private static readonly Dictionary<string, (Func<V1.Positioning, string> Read, Action<Positioning, string> Write, int Max)> PositioningFields = new()
    {
        ["vision"] = (p => p.Vision, (p, v) => p.Vision = v, Positioning.MaxVision),
        ["target_persona"] = (p => p.TargetPersona, (p, v) => p.TargetPersona = v, Positioning.MaxPart),
        ["need"] = (p => p.Need, (p, v) => p.Need = v, Positioning.MaxPart),
        ["category"] = (p => p.Category, (p, v) => p.Category = v, Positioning.MaxPart),
        ["key_benefit"] = (p => p.KeyBenefit, (p, v) => p.KeyBenefit = v, Positioning.MaxPart),
        ["main_alternative"] = (p => p.MainAlternative, (p, v) => p.MainAlternative = v, Positioning.MaxPart),
        ["differentiator"] = (p => p.Differentiator, (p, v) => p.Differentiator = v, Positioning.MaxPart),
    };

    public override async Task<V1.Positioning> GetPositioning(V1.GetPositioningRequest request, ServerCallContext context)
    {
        var product = await db.FindProductAsync(ResourceNames.ParseSingletonParentId(request.Name, ProductMapping.Products, "positioning", "name"), request.Name, context.CancellationToken);
        var positioning = await db.Positionings.AsNoTracking().FirstOrDefaultAsync(p => p.ProductId == product.Id, context.CancellationToken);
        return (positioning ?? new Positioning { ProductId = product.Id }).ToProto(product);
    }

    public override async Task<V1.Positioning> UpdatePositioning(V1.UpdatePositioningRequest request, ServerCallContext context)
    {
        var input = request.Positioning ?? throw new ValidationException("positioning", "Required.");
        var product = await db.FindProductAsync(ResourceNames.ParseSingletonParentId(input.Name, ProductMapping.Products, "positioning", "positioning.name"), input.Name, context.CancellationToken);
        product.EnsureChangeable();
        var positioning = await db.Positionings.FirstOrDefaultAsync(p => p.ProductId == product.Id, context.CancellationToken);
        if (positioning is null)
        {
            if (!string.IsNullOrEmpty(input.Metadata?.Etag))
                throw new EtagMismatchException("Positioning", input.Name);
            positioning = new Positioning { ProductId = product.Id };
            db.Positionings.Add(positioning);
        }
        else
        {
            db.ExpectETag(positioning, input.Metadata?.Etag, "positioning.metadata.etag");
        }

        var violations = new Violations();
        foreach (var path in FieldMasks.OrAll(request.UpdateMask, [.. PositioningFields.Keys]))
        {
            var (read, write, max) = PositioningFields[path];
            violations.OptionalText($"positioning.{path}", read(input), max);
            write(positioning, read(input).Trim());
        }
        violations.ThrowIfAny();
        await db.SaveChangesAsync(context.CancellationToken);
        return positioning.ToProto(product);
    }

    public override async Task<V1.ListStageReviewsResponse> ListStageReviews(V1.ListStageReviewsRequest request, ServerCallContext context)
    {
        var product = await FindAsync(request.Parent, "parent", context.CancellationToken);
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

    private Task<Product> FindAsync(string name, string field, CancellationToken cancellationToken) =>
        db.FindProductAsync(name, field, cancellationToken);

    private void RaiseProductChanged(Product product) =>
        db.AddIntegrationEvent(new ProductChanged(product.Id, product.DisplayName, product.Stage.ToEventName(), product.Archived)
            { WorkspaceId = workspace.WorkspaceId!.Value });
}
