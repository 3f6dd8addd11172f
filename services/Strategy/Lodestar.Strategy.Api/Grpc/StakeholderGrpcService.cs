using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Lodestar.Api;
using Lodestar.Errors;
using Lodestar.Persistence;
using Lodestar.Strategy.Domain.Stakeholders;
using Lodestar.Strategy.Infrastructure;
using Microsoft.EntityFrameworkCore;
using V1 = Lodestar.Strategy.V1;

namespace Lodestar.Strategy.Grpc;

/// <summary>lodestar.strategy.v1.StakeholderService.</summary>
public sealed class StakeholderGrpcService(StrategyDbContext db) : V1.StakeholderService.StakeholderServiceBase
{
    public override async Task<V1.Stakeholder> CreateStakeholder(V1.CreateStakeholderRequest request, ServerCallContext context)
    {
        var input = request.Stakeholder ?? throw new ValidationException("stakeholder", "Required.");
        var stakeholder = new Stakeholder { ProductId = await db.FindOptionalProductIdAsync(input.Product, "stakeholder.product", context.CancellationToken) };
        StakeholderEditor.Apply(stakeholder, input, StakeholderEditor.Fields);
        db.Stakeholders.Add(stakeholder);
        await db.SaveChangesAsync(context.CancellationToken);
        return ToProto(stakeholder);
    }

    public override async Task<V1.Stakeholder> GetStakeholder(V1.GetStakeholderRequest request, ServerCallContext context) =>
        ToProto(await FindAsync(request.Name, "name", context.CancellationToken));

    public override async Task<V1.ListStakeholdersResponse> ListStakeholders(V1.ListStakeholdersRequest request, ServerCallContext context)
    {
        new Violations().DefinedEnum("function", request.Function, allowZero: true).ThrowIfAny();
        var productId = ResourceNames.ParseOptionalId(request.Product, StrategyNames.Products, "product");
        var query = db.Stakeholders.AsNoTracking();
        if (request.Function != V1.StakeholderFunction.Unspecified) query = query.Where(s => s.Function == (StakeholderFunction)request.Function);
        if (productId is { } id) query = query.Where(s => s.ProductId == id);
        var (page, next) = await Pagination.OffsetPageAsync(request.PageSize, request.PageToken, Pagination.Fingerprint(nameof(ListStakeholders), request.Function.ToString(), request.Product),
            (skip, take) => query.OrderBy(s => s.DisplayName).ThenBy(s => s.CreateTime).Skip(skip).Take(take).ToListAsync(context.CancellationToken));
        return new V1.ListStakeholdersResponse { Stakeholders = { page.Select(ToProto) }, NextPageToken = next };
    }

    public override async Task<V1.Stakeholder> UpdateStakeholder(V1.UpdateStakeholderRequest request, ServerCallContext context)
    {
        var input = request.Stakeholder ?? throw new ValidationException("stakeholder", "Required.");
        var stakeholder = await FindAsync(input.Name, "stakeholder.name", context.CancellationToken);
        db.ExpectETag(stakeholder, input.Metadata?.Etag, "stakeholder.metadata.etag");
        StakeholderEditor.Apply(stakeholder, input, FieldMasks.Require(request.UpdateMask, StakeholderEditor.Fields));
        await db.SaveChangesAsync(context.CancellationToken);
        return ToProto(stakeholder);
    }

    public override async Task<Empty> DeleteStakeholder(V1.DeleteStakeholderRequest request, ServerCallContext context)
    {
        var stakeholder = await FindAsync(request.Name, "name", context.CancellationToken);
        db.ExpectETag(stakeholder, request.Etag);
        db.Stakeholders.Remove(stakeholder);
        await db.SaveChangesAsync(context.CancellationToken);
        return new Empty();
    }

    private static V1.Stakeholder ToProto(Stakeholder stakeholder) => new()
    {
        Name = ResourceNames.Format(StrategyNames.Stakeholders, stakeholder.Id),
        DisplayName = stakeholder.DisplayName,
        Function = (V1.StakeholderFunction)stakeholder.Function,
        Title = stakeholder.Title,
        Product = stakeholder.ProductId is { } product ? ResourceNames.Format(StrategyNames.Products, product) : "",
        Asks = { stakeholder.Asks },
        Metadata = stakeholder.ToMetadata(),
    };

    private async Task<Stakeholder> FindAsync(string name, string field, CancellationToken cancellationToken)
    {
        var id = ResourceNames.ParseId(name, StrategyNames.Stakeholders, field);
        return await db.Stakeholders.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw new NotFoundException("Stakeholder", name);
    }
}
