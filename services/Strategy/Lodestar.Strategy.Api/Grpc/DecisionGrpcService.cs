using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Lodestar.Errors;
using Lodestar.Persistence;
using Lodestar.ServiceDefaults;
using Lodestar.Strategy.Domain.Stakeholders;
using Lodestar.Strategy.Infrastructure;
using Microsoft.EntityFrameworkCore;
using V1 = Lodestar.Strategy.V1;

namespace Lodestar.Strategy.Grpc;

/// <summary>lodestar.strategy.v1.DecisionService: the decision log.</summary>
public sealed class DecisionGrpcService(StrategyDbContext db) : V1.DecisionService.DecisionServiceBase
{
    private const string Decisions = "decisions";
    private static readonly string[] Fields =
        ["title", "context", "options_considered", "outcome", "rationale", "decide_date", "informed_stakeholders"];

    public override async Task<V1.Decision> CreateDecision(V1.CreateDecisionRequest request, ServerCallContext context)
    {
        var input = request.Decision ?? throw new ValidationException("decision", "Required.");
        var decision = new Decision
        {
            ProductId = await db.FindOptionalProductIdAsync(input.Product, "decision.product", context.CancellationToken),
        };
        await ApplyAsync(decision, input, Fields, context.CancellationToken);
        db.Decisions.Add(decision);
        await db.SaveChangesAsync(context.CancellationToken);
        return ToProto(decision);
    }

    public override async Task<V1.Decision> GetDecision(V1.GetDecisionRequest request, ServerCallContext context) =>
        ToProto(await FindAsync(request.Name, "name", context.CancellationToken));

    public override async Task<V1.ListDecisionsResponse> ListDecisions(V1.ListDecisionsRequest request, ServerCallContext context)
    {
        var productId = ResourceNames.ParseOptionalId(request.Product, ProductMapping.Products, "product");
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
        await ApplyAsync(decision, input, FieldMasks.Require(request.UpdateMask, Fields), context.CancellationToken);
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

    private async Task ApplyAsync(Decision decision, V1.Decision input, IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        var violations = new Violations();
        var informed = new List<(string Name, Guid Id)>();
        foreach (var path in paths)
        {
            switch (path)
            {
                case "title":
                    violations.RequiredText("decision.title", input.Title, Decision.MaxTitle);
                    decision.Title = input.Title.Trim();
                    break;
                case "context":
                    violations.OptionalText("decision.context", input.Context, Decision.MaxContext);
                    decision.Context = input.Context;
                    break;
                case "options_considered":
                    violations.TextList("decision.options_considered", input.OptionsConsidered, Decision.MaxOptions, Decision.MaxOption);
                    decision.OptionsConsidered = [.. input.OptionsConsidered.Select(o => o.Trim())];
                    break;
                case "outcome":
                    violations.RequiredText("decision.outcome", input.Outcome, Decision.MaxOutcome);
                    decision.Outcome = input.Outcome.Trim();
                    break;
                case "rationale":
                    violations.RequiredText("decision.rationale", input.Rationale, Decision.MaxRationale);
                    decision.Rationale = input.Rationale.Trim();
                    break;
                case "decide_date":
                    decision.DecideDate = violations.Read("decision.decide_date", input.DecideDate) ?? decision.DecideDate;
                    break;
                case "informed_stakeholders":
                    informed = ResourceNames.ParseMany(input.InformedStakeholders, StakeholderGrpcService.Stakeholders,
                        "decision.informed_stakeholders", Decision.MaxInformed, violations);
                    break;
            }
        }
        violations.ThrowIfAny();

        if (paths.Contains("informed_stakeholders"))
        {
            var ids = informed.Select(s => s.Id).Distinct().ToList();
            var known = await db.Stakeholders.Where(s => ids.Contains(s.Id)).Select(s => s.Id).ToListAsync(cancellationToken);
            if (informed.FirstOrDefault(s => !known.Contains(s.Id)) is { Name: not null } missing)
                throw new NotFoundException("Stakeholder", missing.Name);
            decision.InformedStakeholders = ids;
        }
    }

    private static V1.Decision ToProto(Decision decision) => new()
    {
        Name = ResourceNames.Format(Decisions, decision.Id),
        Product = decision.ProductId is { } product ? ResourceNames.Format(ProductMapping.Products, product) : "",
        Title = decision.Title,
        Context = decision.Context,
        OptionsConsidered = { decision.OptionsConsidered },
        Outcome = decision.Outcome,
        Rationale = decision.Rationale,
        DecideDate = decision.DecideDate.ToProto(),
        InformedStakeholders = { decision.InformedStakeholders.Select(s => ResourceNames.Format(StakeholderGrpcService.Stakeholders, s)) },
        DecidedBy = decision.Creator,
        Metadata = decision.ToMetadata(),
    };

    private async Task<Decision> FindAsync(string name, string field, CancellationToken cancellationToken)
    {
        var id = ResourceNames.ParseId(name, Decisions, field);
        return await db.Decisions.FirstOrDefaultAsync(d => d.Id == id, cancellationToken) ?? throw new NotFoundException("Decision", name);
    }
}
