using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Lodestar.Api;
using Lodestar.Discovery.Domain.Insights;
using Lodestar.Discovery.Infrastructure;
using Lodestar.Discovery.Infrastructure.Transfer;
using Lodestar.Errors;
using Lodestar.Persistence;
using Microsoft.EntityFrameworkCore;
using V1 = Lodestar.Discovery.V1;

namespace Lodestar.Discovery.Grpc;

/// <summary>lodestar.discovery.v1.InsightService: customer evidence, one at a time or in bulk, and its search.</summary>
public sealed class InsightGrpcService(DiscoveryDbContext db, InsightEditor editor, TimeProvider clock) : V1.InsightService.InsightServiceBase
{
    public const int MaxBatch = 5_000;
    private const int MaxQuery = 200;
    // Every source at most once: more entries are a mistake or an attack on the query's size.
    private static readonly int SourceCount = System.Enum.GetValues<V1.InsightSource>().Length - 1;

    public override async Task<V1.Insight> CreateInsight(V1.CreateInsightRequest request, ServerCallContext context)
    {
        var input = request.Insight ?? throw new ValidationException("insight", "Required.");
        var violations = new Violations();
        var pending = InsightEditor.Apply(new Insight(), input, InsightEditor.Fields, "insight", violations);
        violations.ThrowIfAny();
        await editor.ResolveAsync([pending], context.CancellationToken);
        db.Insights.Add(pending.Insight);
        await db.SaveChangesAsync(context.CancellationToken);
        return await ViewAsync(pending.Insight, context.CancellationToken);
    }

    public override async Task<V1.BatchCreateInsightsResponse> BatchCreateInsights(V1.BatchCreateInsightsRequest request, ServerCallContext context)
    {
        if (request.Requests.Count is 0 or > MaxBatch)
            throw new ValidationException("requests", $"From 1 to {MaxBatch:N0} insights per call; got {request.Requests.Count:N0}.");
        var violations = new Violations();
        var pending = new List<InsightEditor.Pending>(request.Requests.Count);
        for (var i = 0; i < request.Requests.Count; i++)
        {
            var field = $"requests[{i}].insight";
            if (request.Requests[i].Insight is not { } input) violations.Add(field, "Required.");
            else pending.Add(InsightEditor.Apply(new Insight(), input, InsightEditor.Fields, field, violations));
        }
        violations.ThrowIfAny();
        await editor.ResolveAsync(pending, context.CancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Insights.AddRange(pending.Select(p => p.Insight));
        await db.SaveChangesAsync(context.CancellationToken);
        return new V1.BatchCreateInsightsResponse { Insights = { pending.Select(p => p.Insight.ToProto([])) } };
    }

    public override async Task<V1.ImportInsightsCsvResponse> ImportInsightsCsv(V1.ImportInsightsCsvRequest request, ServerCallContext context)
    {
        if (string.IsNullOrWhiteSpace(request.CsvContent)) throw new ValidationException(InsightCsvReader.Field, "Required: CSV text with a header row.");
        var violations = new Violations();
        ResourceNames.ParseOptionalId(request.Product, DiscoveryNames.Products, "product", violations);
        violations.ThrowIfAny();
        var rows = InsightCsvReader.Read(request.CsvContent, request.Product, violations);
        if (rows.Any(r => r.PersonaName is not null))
        {
            var personas = await db.PersonaIdsByNameAsync(context.CancellationToken);
            foreach (var row in rows.Where(r => r.PersonaName is not null))
            {
                if (personas.TryGetValue(row.PersonaName!, out var id)) row.Insight.Persona = ResourceNames.Format(DiscoveryNames.Personas, id);
                else violations.Add($"{InsightCsvReader.Field}[{row.Line}].persona", $"No persona named '{row.PersonaName}' in this workspace.");
            }
        }
        // Values the file cannot express are reported first, with the personas it names; then the rules of the API.
        violations.ThrowIfAny();
        var pending = rows.Select(r => InsightEditor.Apply(new Insight(), r.Insight, InsightEditor.Fields, $"{InsightCsvReader.Field}[{r.Line}]", violations)).ToList();
        violations.ThrowIfAny();
        await editor.ResolveAsync(pending, context.CancellationToken, violations);
        violations.ThrowIfAny();
        var response = new V1.ImportInsightsCsvResponse { ImportedCount = pending.Count };
        if (request.ValidateOnly) return response;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Insights.AddRange(pending.Select(p => p.Insight));
        await db.SaveChangesAsync(context.CancellationToken);
        response.Insights.Add(pending.Select(p => ResourceNames.Format(DiscoveryNames.Insights, p.Insight.Id)));
        return response;
    }

    public override async Task<V1.Insight> GetInsight(V1.GetInsightRequest request, ServerCallContext context) =>
        await ViewAsync(await db.FindInsightAsync(request.Name, "name", context.CancellationToken), context.CancellationToken);

    public override async Task<V1.ListInsightsResponse> ListInsights(V1.ListInsightsRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        violations.OptionalText("query", request.Query, MaxQuery).OptionalText("customer_account_id", request.CustomerAccountId, Insight.MaxAccountId);
        violations.TextList("tags", request.Tags, Insight.MaxTags, Insight.MaxTag);
        if (request.Sources.Count > SourceCount) violations.Add("sources", $"At most {SourceCount} entries; got {request.Sources.Count}.");
        foreach (var source in request.Sources.Take(SourceCount)) violations.DefinedEnum("sources", source, allowZero: false);
        var from = request.CaptureTimeFrom is { } fromTime ? InsightEditor.ReadTimestamp(fromTime, "capture_time_from", violations) : null;
        var to = request.CaptureTimeTo is { } toTime ? InsightEditor.ReadTimestamp(toTime, "capture_time_to", violations) : null;
        var personaId = ResourceNames.ParseOptionalId(request.Persona, DiscoveryNames.Personas, "persona", violations);
        var productId = ResourceNames.ParseOptionalId(request.Product, DiscoveryNames.Products, "product", violations);
        var problemId = ResourceNames.ParseOptionalId(request.Problem, DiscoveryNames.Problems, "problem", violations);
        violations.ThrowIfAny();

        var query = db.Filtered(new InsightFilter(request.Query, request.Tags, personaId, productId, problemId,
            [.. request.Sources.Select(s => (InsightSource)s)], request.CustomerAccountId, from, to));
        var fingerprint = Pagination.Fingerprint(nameof(ListInsights), request.Query, string.Join(",", request.Tags), request.Persona, string.Join(",", request.Sources),
            request.CustomerAccountId, request.CaptureTimeFrom?.ToString(), request.CaptureTimeTo?.ToString(), request.Product, request.Problem);
        var (page, next) = await Pagination.OffsetPageAsync(request.PageSize, request.PageToken, fingerprint,
            (skip, take) => query.OrderByDescending(i => i.CaptureTime).ThenByDescending(i => i.Id).Skip(skip).Take(take).ToListAsync(context.CancellationToken));
        var links = await db.ProblemLinksAsync(page.Select(i => i.Id).ToList(), context.CancellationToken);
        return new V1.ListInsightsResponse { Insights = { page.Select(i => i.ToProto(links[i.Id])) }, NextPageToken = next };
    }

    public override async Task<V1.Insight> UpdateInsight(V1.UpdateInsightRequest request, ServerCallContext context)
    {
        var input = request.Insight ?? throw new ValidationException("insight", "Required.");
        var paths = FieldMasks.Require(request.UpdateMask, InsightEditor.Fields);
        var insight = await db.FindInsightAsync(input.Name, "insight.name", context.CancellationToken);
        db.ExpectETag(insight, input.Metadata?.Etag, "insight.metadata.etag");
        var violations = new Violations();
        var pending = InsightEditor.Apply(insight, input, paths, "insight", violations);
        violations.ThrowIfAny();
        await editor.ResolveAsync([pending], context.CancellationToken);
        await db.SaveWithEvidenceAsync(await db.ProblemsOfInsightAsync(insight.Id, context.CancellationToken), clock, context.CancellationToken);
        return await ViewAsync(insight, context.CancellationToken);
    }

    public override async Task<Empty> DeleteInsight(V1.DeleteInsightRequest request, ServerCallContext context)
    {
        var insight = await db.FindInsightAsync(request.Name, "name", context.CancellationToken);
        db.ExpectETag(insight, request.Etag);
        var problems = await db.ProblemsOfInsightAsync(insight.Id, context.CancellationToken);
        db.Insights.Remove(insight);
        await db.SaveWithEvidenceAsync(problems, clock, context.CancellationToken);
        return new Empty();
    }

    private async Task<V1.Insight> ViewAsync(Insight insight, CancellationToken cancellationToken) =>
        insight.ToProto((await db.ProblemLinksAsync([insight.Id], cancellationToken))[insight.Id]);
}
