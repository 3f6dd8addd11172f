using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Lodestar.Api;
using Lodestar.Errors;
using Lodestar.Persistence;
using Lodestar.Strategy.Domain.Competitors;
using Lodestar.Strategy.Infrastructure;
using Microsoft.EntityFrameworkCore;
using V1 = Lodestar.Strategy.V1;

namespace Lodestar.Strategy.Grpc;

/// <summary>lodestar.strategy.v1.CompetitorService: who else serves a product's customers.</summary>
public sealed class CompetitorGrpcService(StrategyDbContext db) : V1.CompetitorService.CompetitorServiceBase
{
    public override async Task<V1.Competitor> CreateCompetitor(V1.CreateCompetitorRequest request, ServerCallContext context)
    {
        var input = request.Competitor ?? throw new ValidationException("competitor", "Required.");
        var productId = ResourceNames.ParseId(input.Product, StrategyNames.Products, "competitor.product");
        var competitor = new Competitor { ProductId = productId };
        CompetitorEditor.Apply(competitor, input, CompetitorEditor.Fields);
        (await db.FindProductAsync(productId, input.Product, context.CancellationToken)).EnsureChangeable();
        db.Competitors.Add(competitor);
        await db.SaveChangesAsync(context.CancellationToken);
        return ToProto(competitor);
    }

    public override async Task<V1.Competitor> GetCompetitor(V1.GetCompetitorRequest request, ServerCallContext context) =>
        ToProto(await FindAsync(request.Name, "name", context.CancellationToken));

    public override async Task<V1.ListCompetitorsResponse> ListCompetitors(V1.ListCompetitorsRequest request, ServerCallContext context)
    {
        var productId = ResourceNames.ParseOptionalId(request.Product, StrategyNames.Products, "product");
        var query = db.Competitors.AsNoTracking();
        if (productId is { } id) query = query.Where(c => c.ProductId == id);
        var (page, next) = await Pagination.OffsetPageAsync(request.PageSize, request.PageToken, Pagination.Fingerprint(nameof(ListCompetitors), request.Product),
            (skip, take) => query.OrderBy(c => c.DisplayName).ThenBy(c => c.CreateTime).Skip(skip).Take(take).ToListAsync(context.CancellationToken));
        return new V1.ListCompetitorsResponse { Competitors = { page.Select(ToProto) }, NextPageToken = next };
    }

    public override async Task<V1.Competitor> UpdateCompetitor(V1.UpdateCompetitorRequest request, ServerCallContext context)
    {
        var input = request.Competitor ?? throw new ValidationException("competitor", "Required.");
        var competitor = await FindAsync(input.Name, "competitor.name", context.CancellationToken);
        db.ExpectETag(competitor, input.Metadata?.Etag, "competitor.metadata.etag");
        CompetitorEditor.Apply(competitor, input, FieldMasks.Require(request.UpdateMask, CompetitorEditor.Fields));
        await db.SaveChangesAsync(context.CancellationToken);
        return ToProto(competitor);
    }

    public override async Task<Empty> DeleteCompetitor(V1.DeleteCompetitorRequest request, ServerCallContext context)
    {
        var competitor = await FindAsync(request.Name, "name", context.CancellationToken);
        db.ExpectETag(competitor, request.Etag);
        db.Competitors.Remove(competitor);
        await db.SaveChangesAsync(context.CancellationToken);
        return new Empty();
    }

    private static V1.Competitor ToProto(Competitor competitor) => new()
    {
        Name = ResourceNames.Format(StrategyNames.Competitors, competitor.Id),
        Product = ResourceNames.Format(StrategyNames.Products, competitor.ProductId),
        DisplayName = competitor.DisplayName,
        Segment = competitor.Segment,
        Strengths = { competitor.Strengths },
        Weaknesses = { competitor.Weaknesses },
        Differentiation = competitor.Differentiation,
        Metadata = competitor.ToMetadata(),
    };

    private async Task<Competitor> FindAsync(string name, string field, CancellationToken cancellationToken)
    {
        var id = ResourceNames.ParseId(name, StrategyNames.Competitors, field);
        return await db.Competitors.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new NotFoundException("Competitor", name);
    }
}
