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

/// <summary>lodestar.strategy.v1.DecisionService: the decision log.</summary>
public sealed class DecisionGrpcService(StrategyDbContext db) : V1.DecisionService.DecisionServiceBase
{
    public override async Task<V1.Decision> CreateDecision(V1.CreateDecisionRequest request, ServerCallContext context)
    {
        var input = request.Decision ?? throw new ValidationException("decision", "Required.");
        var decision = new Decision
        {
            ProductId = await db.FindOptionalProductIdAsync(input.Product, "decision.product", context.CancellationToken),
        };
        await LinkAsync(decision, DecisionEditor.Apply(decision, input, DecisionEditor.Fields), context.CancellationToken);
        db.Decisions.Add(decision);
        await db.SaveChangesAsync(context.CancellationToken);
        return ToProto(decision);
    }

    public override async Task<V1.Decision> GetDecision(V1.GetDecisionRequest request, ServerCallContext context) =>
        ToProto(await FindAsync(request.Name, "name", context.CancellationToken));

    public override async Task<V1.ListDecisionsResponse> ListDecisions(V1.ListDecisionsRequest request, ServerCallContext context)
    {
        var productId = ResourceNames.ParseOptionalId(request.Product, StrategyNames.Products, "product");
        var query = db.Decisions.AsNoTracking();
        if (productId is { } id) query = query.Where(d => d.ProductId == id);
        var (page, next) = await Pagination.OffsetPageAsync(request.PageSize, request.PageToken, Pagination.Fingerprint(nameof(ListDecisions), request.Product),
            (skip, take) => query.OrderByDescending(d => d.DecideDate).ThenByDescending(d => d.CreateTime).Skip(skip).Take(take).ToListAsync(context.CancellationToken));
        return new V1.ListDecisionsResponse { Decisions = { page.Select(ToProto) }, NextPageToken = next };
    }

    public override async Task<V1.Decision> UpdateDecision(V1.UpdateDecisionRequest request, ServerCallContext context)
    {
        var input = request.Decision ?? throw new ValidationException("decision", "Required.");
        var decision = await FindAsync(input.Name, "decision.name", context.CancellationToken);
        db.ExpectETag(decision, input.Metadata?.Etag, "decision.metadata.etag");
        await LinkAsync(decision, DecisionEditor.Apply(decision, input, FieldMasks.Require(request.UpdateMask, DecisionEditor.Fields)), context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
        return ToProto(decision);
    }

    public override async Task<Empty> DeleteDecision(V1.DeleteDecisionRequest request, ServerCallContext context)
    {
        var decision = await FindAsync(request.Name, "name", context.CancellationToken);
        db.ExpectETag(decision, request.Etag);
        db.Decisions.Remove(decision);
        await db.SaveChangesAsync(context.CancellationToken);
        return new Empty();
    }

    private async Task LinkAsync(Decision decision, List<(string Name, Guid Id)>? informed, CancellationToken cancellationToken)
    {
        if (informed is not null) await db.LinkInformedStakeholdersAsync(decision, informed, cancellationToken);
    }

    private static V1.Decision ToProto(Decision decision) => new()
    {
        Name = ResourceNames.Format(StrategyNames.Decisions, decision.Id),
        Product = decision.ProductId is { } product ? ResourceNames.Format(StrategyNames.Products, product) : "",
        Title = decision.Title,
        Context = decision.Context,
        OptionsConsidered = { decision.OptionsConsidered },
        Outcome = decision.Outcome,
        Rationale = decision.Rationale,
        DecideDate = decision.DecideDate.ToProto(),
        InformedStakeholders = { decision.InformedStakeholders.Select(s => ResourceNames.Format(StrategyNames.Stakeholders, s)) },
        DecidedBy = decision.Creator,
        Metadata = decision.ToMetadata(),
    };

    private async Task<Decision> FindAsync(string name, string field, CancellationToken cancellationToken)
    {
        var id = ResourceNames.ParseId(name, StrategyNames.Decisions, field);
        return await db.Decisions.FirstOrDefaultAsync(d => d.Id == id, cancellationToken) ?? throw new NotFoundException("Decision", name);
    }
}
