using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Lodestar.Api;
using Lodestar.Discovery.Domain.Hypotheses;
using Lodestar.Discovery.Infrastructure;
using Lodestar.Errors;
using Lodestar.Persistence;
using Microsoft.EntityFrameworkCore;
using V1 = Lodestar.Discovery.V1;

namespace Lodestar.Discovery.Grpc;

/// <summary>lodestar.discovery.v1.HypothesisService: testable beliefs, their experiments and status.</summary>
public sealed class HypothesisGrpcService(DiscoveryDbContext db, HypothesisEditor editor) : V1.HypothesisService.HypothesisServiceBase
{
    public override async Task<V1.Hypothesis> CreateHypothesis(V1.CreateHypothesisRequest request, ServerCallContext context)
    {
        var input = request.Hypothesis ?? throw new ValidationException("hypothesis", "Required.");
        var product = await db.FindProductAsync(input.Product, "hypothesis.product", context.CancellationToken);
        var hypothesis = new Hypothesis { ProductId = product.Id };
        var changed = await editor.ApplyAsync(hypothesis, input, HypothesisEditor.Fields, creating: true, context.CancellationToken);
        db.Hypotheses.Add(hypothesis);
        if (changed) db.AnnounceStatusChanged(hypothesis, product.WorkspaceId);
        await db.SaveChangesAsync(context.CancellationToken);
        return await ViewAsync(hypothesis, context.CancellationToken);
    }

    public override async Task<V1.Hypothesis> GetHypothesis(V1.GetHypothesisRequest request, ServerCallContext context) =>
        await ViewAsync(await db.FindHypothesisAsync(request.Name, "name", context.CancellationToken), context.CancellationToken);

    public override async Task<V1.ListHypothesesResponse> ListHypotheses(V1.ListHypothesesRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        var productId = ResourceNames.ParseOptionalId(request.Product, DiscoveryNames.Products, "product", violations);
        var problemId = ResourceNames.ParseOptionalId(request.Problem, DiscoveryNames.Problems, "problem", violations);
        foreach (var status in request.Statuses) violations.DefinedEnum("statuses", status, allowZero: false);
        violations.ThrowIfAny();
        var query = db.Hypotheses.AsNoTracking();
        if (productId is { } product) query = query.Where(h => h.ProductId == product);
        if (problemId is { } problem) query = query.Where(h => h.ProblemId == problem);
        if (request.Statuses.Count > 0)
        {
            var statuses = request.Statuses.Select(s => (HypothesisStatus)s).ToList();
            query = query.Where(h => statuses.Contains(h.Status));
        }
        var (page, next) = await Pagination.OffsetPageAsync(request.PageSize, request.PageToken,
            Pagination.Fingerprint(nameof(ListHypotheses), request.Product, request.Problem, string.Join(",", request.Statuses)),
            (skip, take) => query.OrderByDescending(h => h.CreateTime).ThenBy(h => h.Id).Skip(skip).Take(take).ToListAsync(context.CancellationToken));
        var personas = await PersonaNamesAsync(page, context.CancellationToken);
        return new V1.ListHypothesesResponse { Hypotheses = { page.Select(h => h.ToProto(personas)) }, NextPageToken = next };
    }

    public override async Task<V1.Hypothesis> UpdateHypothesis(V1.UpdateHypothesisRequest request, ServerCallContext context)
    {
        var input = request.Hypothesis ?? throw new ValidationException("hypothesis", "Required.");
        var paths = FieldMasks.Require(request.UpdateMask, HypothesisEditor.Fields);
        var hypothesis = await db.FindHypothesisAsync(input.Name, "hypothesis.name", context.CancellationToken);
        db.ExpectETag(hypothesis, input.Metadata?.Etag, "hypothesis.metadata.etag");
        if (await editor.ApplyAsync(hypothesis, input, paths, creating: false, context.CancellationToken)) db.AnnounceStatusChanged(hypothesis, hypothesis.WorkspaceId);
        await db.SaveChangesAsync(context.CancellationToken);
        return await ViewAsync(hypothesis, context.CancellationToken);
    }

    public override async Task<Empty> DeleteHypothesis(V1.DeleteHypothesisRequest request, ServerCallContext context)
    {
        var hypothesis = await db.FindHypothesisAsync(request.Name, "name", context.CancellationToken);
        db.ExpectETag(hypothesis, request.Etag);
        db.Hypotheses.Remove(hypothesis);
        await db.SaveChangesAsync(context.CancellationToken);
        return new Empty();
    }

    private async Task<Dictionary<Guid, string>> PersonaNamesAsync(IReadOnlyList<Hypothesis> hypotheses, CancellationToken cancellationToken)
    {
        var ids = hypotheses.Select(h => h.PersonaId).OfType<Guid>().Distinct().ToList();
        return ids.Count == 0 ? [] : await db.Personas.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, cancellationToken);
    }

    private async Task<V1.Hypothesis> ViewAsync(Hypothesis hypothesis, CancellationToken cancellationToken) =>
        hypothesis.ToProto(await PersonaNamesAsync([hypothesis], cancellationToken));
}
