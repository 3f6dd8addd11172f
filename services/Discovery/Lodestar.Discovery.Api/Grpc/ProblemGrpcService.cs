using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Lodestar.Discovery.Domain.Insights;
using Lodestar.Discovery.Domain.Problems;
using Lodestar.Discovery.Infrastructure;
using Lodestar.Errors;
using Lodestar.Messaging.Outbox;
using Lodestar.Persistence;
using Lodestar.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using V1 = Lodestar.Discovery.V1;

namespace Lodestar.Discovery.Grpc;

/// <summary>lodestar.discovery.v1.ProblemService: customer problems, their evidence, and its summary.</summary>
public sealed class ProblemGrpcService(DiscoveryDbContext db, TimeProvider clock) : V1.ProblemService.ProblemServiceBase
{
    private const int MaxLinks = 1_000;
    private static readonly string[] Fields = ["title", "when", "want", "so_that", "personas", "status", "goals", "solutions"];

    public override async Task<V1.Problem> CreateProblem(V1.CreateProblemRequest request, ServerCallContext context)
    {
        var input = request.Problem ?? throw new ValidationException("problem", "Required.");
        var product = await db.FindProductAsync(input.Product, "problem.product", context.CancellationToken);
        var problem = new Problem { ProductId = product.Id };
        await ApplyAsync(problem, input, Fields, creating: true, context.CancellationToken);
        db.Problems.Add(problem);
        await db.SaveChangesAsync(context.CancellationToken);
        return ToProto(problem);
    }

    public override async Task<V1.Problem> GetProblem(V1.GetProblemRequest request, ServerCallContext context) =>
        ToProto(await db.FindProblemAsync(request.Name, "name", context.CancellationToken));

    public override async Task<V1.ListProblemsResponse> ListProblems(V1.ListProblemsRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        var productId = ResourceNames.ParseOptionalId(request.Product, Lookups.Products, "product", violations);
        var personaId = ResourceNames.ParseOptionalId(request.Persona, Lookups.Personas, "persona", violations);
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
        return new V1.ListProblemsResponse { Problems = { page.Select(ToProto) }, NextPageToken = next };
    }

    public override async Task<V1.Problem> UpdateProblem(V1.UpdateProblemRequest request, ServerCallContext context)
    {
        var input = request.Problem ?? throw new ValidationException("problem", "Required.");
        var paths = FieldMasks.Require(request.UpdateMask, Fields);
        var problem = await db.FindProblemAsync(input.Name, "problem.name", context.CancellationToken);
        db.ExpectETag(problem, input.Metadata?.Etag, "problem.metadata.etag");
        await ApplyAsync(problem, input, paths, creating: false, context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
        return ToProto(problem);
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
        var ids = ParseInsights(request.Insights);
        var found = await db.Insights.Where(i => ids.Contains(i.Id)).Select(i => i.Id).ToListAsync(context.CancellationToken);
        if (ids.Except(found).FirstOrDefault() is var missing && missing != Guid.Empty)
            throw new NotFoundException("Insight", ResourceNames.Format(Lookups.Insights, missing));
        var linked = await db.ProblemInsights.Where(l => l.ProblemId == problem.Id && ids.Contains(l.InsightId)).Select(l => l.InsightId).ToListAsync(context.CancellationToken);
        db.ProblemInsights.AddRange(ids.Except(linked).Select(id => new ProblemInsight { ProblemId = problem.Id, InsightId = id }));
        await db.SaveWithEvidenceAsync([problem.Id], clock, context.CancellationToken);
        return ToProto(problem);
    }

    public override async Task<V1.Problem> UnlinkInsights(V1.UnlinkInsightsRequest request, ServerCallContext context)
    {
        var problem = await db.FindProblemAsync(request.Name, "name", context.CancellationToken);
        var ids = ParseInsights(request.Insights);
        db.ProblemInsights.RemoveRange(await db.ProblemInsights.Where(l => l.ProblemId == problem.Id && ids.Contains(l.InsightId)).ToListAsync(context.CancellationToken));
        await db.SaveWithEvidenceAsync([problem.Id], clock, context.CancellationToken);
        return ToProto(problem);
    }

    private static List<Guid> ParseInsights(Google.Protobuf.Collections.RepeatedField<string> names)
    {
        var violations = new Violations();
        if (names.Count == 0) violations.Add("insights", "Name at least one insight.");
        var ids = ResourceNames.ParseMany(names, Lookups.Insights, "insights", MaxLinks, violations).Select(n => n.Id).Distinct().ToList();
        violations.ThrowIfAny();
        return ids;
    }

    private async Task ApplyAsync(Problem problem, V1.Problem input, IReadOnlyList<string> paths, bool creating, CancellationToken cancellationToken)
    {
        var violations = new Violations();
        List<(string Name, Guid Id)>? personas = null;
        foreach (var path in paths)
        {
            switch (path)
            {
                case "title":
                    violations.RequiredText("problem.title", input.Title, Problem.MaxTitle);
                    problem.Title = input.Title.Trim();
                    break;
                case "when":
                    violations.OptionalText("problem.when", input.When, Problem.MaxPart);
                    problem.When = input.When.Trim();
                    break;
                case "want":
                    violations.OptionalText("problem.want", input.Want, Problem.MaxPart);
                    problem.Want = input.Want.Trim();
                    break;
                case "so_that":
                    violations.OptionalText("problem.so_that", input.SoThat, Problem.MaxPart);
                    problem.SoThat = input.SoThat.Trim();
                    break;
                case "personas":
                    personas = ResourceNames.ParseMany(input.Personas, Lookups.Personas, "problem.personas", Problem.MaxPersonas, violations);
                    break;
                case "goals":
                    problem.GoalIds = [.. ResourceNames.ParseMany(input.Goals, Lookups.Goals, "problem.goals", Problem.MaxGoals, violations).Select(g => g.Id).Distinct()];
                    break;
                case "solutions":
                    problem.SolutionIds = [.. ResourceNames.ParseMany(input.Solutions, Lookups.BacklogItems, "problem.solutions", Problem.MaxSolutions, violations).Select(g => g.Id).Distinct()];
                    break;
                case "status":
                    violations.DefinedEnum("problem.status", input.Status, allowZero: creating);
                    problem.Status = input.Status == V1.ProblemStatus.Unspecified ? ProblemStatus.New : (ProblemStatus)input.Status;
                    break;
            }
        }
        violations.ThrowIfAny();
        if (personas is null) return;
        var ids = personas.Select(p => p.Id).Distinct().ToList();
        var known = await db.Personas.Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);
        if (personas.FirstOrDefault(p => !known.Contains(p.Id)) is { Name: not null } unknown) throw new NotFoundException("Persona", unknown.Name);
        problem.PersonaIds = ids;
    }

    public static V1.EvidenceSummary EvidenceOf(Problem problem)
    {
        var evidence = new V1.EvidenceSummary
        {
            InsightCount = problem.InsightCount,
            DistinctCustomers = problem.DistinctCustomers,
            DistinctPersonas = problem.DistinctPersonas,
            WeightedScore = problem.WeightedScore,
            AverageImportance = problem.AverageImportance,
            LatestInsightTime = problem.LatestInsightAt?.ToUtcTimestamp(),
            ComputeTime = problem.EvidenceComputedAt?.ToUtcTimestamp(),
        };
        if (problem.OpportunityScore is { } opportunity) evidence.OpportunityScore = opportunity;
        return evidence;
    }

    public static V1.Problem ToProto(Problem problem) =>
        new()
        {
            Name = ResourceNames.Format(Lookups.Problems, problem.Id),
            Product = ResourceNames.Format(Lookups.Products, problem.ProductId),
            Title = problem.Title,
            When = problem.When,
            Want = problem.Want,
            SoThat = problem.SoThat,
            Statement = problem.Statement,
            Personas = { problem.PersonaIds.Select(id => ResourceNames.Format(Lookups.Personas, id)) },
            Status = (V1.ProblemStatus)problem.Status,
            Evidence = EvidenceOf(problem),
            Metadata = problem.ToMetadata(),
            Goals = { problem.GoalIds.Select(id => ResourceNames.Format(Lookups.Goals, id)) },
            Solutions = { problem.SolutionIds.Select(id => ResourceNames.Format(Lookups.BacklogItems, id)) },
            OpenedByKpi = problem.OpenedByKpiId is { } kpi ? ResourceNames.Format(Lookups.Kpis, kpi) : "",
            OpenedByKpiDate = problem.OpenedByKpiDate?.ToProto(),
        };
}
