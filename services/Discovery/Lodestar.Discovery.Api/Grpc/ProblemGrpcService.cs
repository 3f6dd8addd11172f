using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Lodestar.Api;
using Lodestar.Discovery.Domain.Insights;
using Lodestar.Discovery.Domain.Problems;
using Lodestar.Discovery.Infrastructure;
using Lodestar.Errors;
using Lodestar.Messaging.Outbox;
using Lodestar.Persistence;
using Microsoft.EntityFrameworkCore;
using V1 = Lodestar.Discovery.V1;

namespace Lodestar.Discovery.Grpc;

/// <summary>lodestar.discovery.v1.ProblemService: customer problems, their evidence, and its summary.</summary>
public sealed class ProblemGrpcService(DiscoveryDbContext db, ProblemEditor editor, TimeProvider clock) : V1.ProblemService.ProblemServiceBase
{
    public override async Task<V1.Problem> CreateProblem(V1.CreateProblemRequest request, ServerCallContext context)
    {
        var input = request.Problem ?? throw new ValidationException("problem", "Required.");
        var product = await db.FindProductAsync(input.Product, "problem.product", context.CancellationToken);
        var problem = new Problem { ProductId = product.Id };
        await editor.ApplyAsync(problem, input, ProblemEditor.Fields, creating: true, context.CancellationToken);
        db.Problems.Add(problem);
        await db.SaveChangesAsync(context.CancellationToken);
        return problem.ToProto();
    }

    public override async Task<V1.Problem> GetProblem(V1.GetProblemRequest request, ServerCallContext context) =>
        (await db.FindProblemAsync(request.Name, "name", context.CancellationToken)).ToProto();

    public override async Task<V1.ListProblemsResponse> ListProblems(V1.ListProblemsRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        var productId = ResourceNames.ParseOptionalId(request.Product, DiscoveryNames.Products, "product", violations);
        var personaId = ResourceNames.ParseOptionalId(request.Persona, DiscoveryNames.Personas, "persona", violations);
        foreach (var status in request.Statuses) violations.DefinedEnum("statuses", status, allowZero: false);
        violations.ThrowIfAny();
        var query = db.Problems.AsNoTracking();
        if (productId is { } product) query = query.Where(p => p.ProductId == product);
        if (personaId is { } persona) query = query.Where(p => p.PersonaIds.Contains(persona));
        if (request.Statuses.Count > 0)
        {
            var statuses = request.Statuses.Select(s => (ProblemStatus)s).ToList();
            query = query.Where(p => statuses.Contains(p.Status));
        }
        var (page, next) = await Pagination.OffsetPageAsync(request.PageSize, request.PageToken,
            Pagination.Fingerprint(nameof(ListProblems), request.Product, request.Persona, string.Join(",", request.Statuses)),
            (skip, take) => query.OrderByDescending(p => p.WeightedScore).ThenBy(p => p.Id).Skip(skip).Take(take).ToListAsync(context.CancellationToken));
        return new V1.ListProblemsResponse { Problems = { page.Select(p => p.ToProto()) }, NextPageToken = next };
    }

    public override async Task<V1.Problem> UpdateProblem(V1.UpdateProblemRequest request, ServerCallContext context)
    {
        var input = request.Problem ?? throw new ValidationException("problem", "Required.");
        var paths = FieldMasks.Require(request.UpdateMask, ProblemEditor.Fields);
        var problem = await db.FindProblemAsync(input.Name, "problem.name", context.CancellationToken);
        db.ExpectETag(problem, input.Metadata?.Etag, "problem.metadata.etag");
        await editor.ApplyAsync(problem, input, paths, creating: false, context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
        return problem.ToProto();
    }

    public override async Task<Empty> DeleteProblem(V1.DeleteProblemRequest request, ServerCallContext context)
    {
        var problem = await db.FindProblemAsync(request.Name, "name", context.CancellationToken);
        db.ExpectETag(problem, request.Etag);
        db.Problems.Remove(problem);
        // Items that solved it stop counting its evidence.
        if (problem.InsightCount > 0) db.AddIntegrationEvent(EvidenceRefresh.EventOf(problem, deleted: true));
        await db.SaveChangesAsync(context.CancellationToken);
        return new Empty();
    }

    public override async Task<V1.Problem> LinkInsights(V1.LinkInsightsRequest request, ServerCallContext context)
    {
        var problem = await db.FindProblemAsync(request.Name, "name", context.CancellationToken);
        var ids = ProblemEditor.InsightIds(request.Insights);
        var found = await db.Insights.Where(i => ids.Contains(i.Id)).Select(i => i.Id).ToListAsync(context.CancellationToken);
        if (ids.Except(found).FirstOrDefault() is var missing && missing != Guid.Empty)
            throw new NotFoundException("Insight", ResourceNames.Format(DiscoveryNames.Insights, missing));
        var linked = await db.ProblemInsights.Where(l => l.ProblemId == problem.Id && ids.Contains(l.InsightId)).Select(l => l.InsightId).ToListAsync(context.CancellationToken);
        db.ProblemInsights.AddRange(ids.Except(linked).Select(id => new ProblemInsight { ProblemId = problem.Id, InsightId = id }));
        await db.SaveWithEvidenceAsync([problem.Id], clock, context.CancellationToken);
        return problem.ToProto();
    }

    public override async Task<V1.Problem> UnlinkInsights(V1.UnlinkInsightsRequest request, ServerCallContext context)
    {
        var problem = await db.FindProblemAsync(request.Name, "name", context.CancellationToken);
        var ids = ProblemEditor.InsightIds(request.Insights);
        db.ProblemInsights.RemoveRange(await db.ProblemInsights.Where(l => l.ProblemId == problem.Id && ids.Contains(l.InsightId)).ToListAsync(context.CancellationToken));
        await db.SaveWithEvidenceAsync([problem.Id], clock, context.CancellationToken);
        return problem.ToProto();
    }
}
