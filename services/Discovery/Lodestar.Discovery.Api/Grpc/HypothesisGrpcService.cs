using System.Text.RegularExpressions;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Discovery.Domain.Hypotheses;
using Lodestar.Discovery.Infrastructure;
using Lodestar.Errors;
using Lodestar.Messaging.Outbox;
using Lodestar.Persistence;
using Lodestar.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using V1 = Lodestar.Discovery.V1;

namespace Lodestar.Discovery.Grpc;

/// <summary>lodestar.discovery.v1.HypothesisService: testable beliefs, their experiments and status.</summary>
public sealed partial class HypothesisGrpcService(DiscoveryDbContext db) : V1.HypothesisService.HypothesisServiceBase
{
    private static readonly string[] Fields = ["change", "persona", "outcome", "metric_key", "minimum_effect", "problem", "backlog_item", "experiment", "status"];

    public override async Task<V1.Hypothesis> CreateHypothesis(V1.CreateHypothesisRequest request, ServerCallContext context)
    {
        var input = request.Hypothesis ?? throw new ValidationException("hypothesis", "Required.");
        var product = await db.FindProductAsync(input.Product, "hypothesis.product", context.CancellationToken);
        var hypothesis = new Hypothesis { ProductId = product.Id };
        var changed = await ApplyAsync(hypothesis, input, Fields, creating: true, context.CancellationToken);
        db.Hypotheses.Add(hypothesis);
        if (changed) RaiseStatusChanged(hypothesis, product.WorkspaceId);
        await db.SaveChangesAsync(context.CancellationToken);
        return await ViewAsync(hypothesis, context.CancellationToken);
    }

    public override async Task<V1.Hypothesis> GetHypothesis(V1.GetHypothesisRequest request, ServerCallContext context) =>
        await ViewAsync(await db.FindHypothesisAsync(request.Name, "name", context.CancellationToken), context.CancellationToken);

    public override async Task<V1.ListHypothesesResponse> ListHypotheses(V1.ListHypothesesRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        var productId = ResourceNames.ParseOptionalId(request.Product, Lookups.Products, "product", violations);
        var problemId = ResourceNames.ParseOptionalId(request.Problem, Lookups.Problems, "problem", violations);
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
        return new V1.ListHypothesesResponse { Hypotheses = { page.Select(h => ToProto(h, personas)) }, NextPageToken = next };
    }

    public override async Task<V1.Hypothesis> UpdateHypothesis(V1.UpdateHypothesisRequest request, ServerCallContext context)
    {
        var input = request.Hypothesis ?? throw new ValidationException("hypothesis", "Required.");
        var paths = FieldMasks.Require(request.UpdateMask, Fields);
        var hypothesis = await db.FindHypothesisAsync(input.Name, "hypothesis.name", context.CancellationToken);
        db.ExpectETag(hypothesis, input.Metadata?.Etag, "hypothesis.metadata.etag");
        if (await ApplyAsync(hypothesis, input, paths, creating: false, context.CancellationToken)) RaiseStatusChanged(hypothesis, hypothesis.WorkspaceId);
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

    /// <summary>Applies the fields; true when the status changed (or was set on creation).</summary>
    private async Task<bool> ApplyAsync(Hypothesis hypothesis, V1.Hypothesis input, IReadOnlyList<string> paths, bool creating, CancellationToken cancellationToken)
    {
        var violations = new Violations();
        var status = hypothesis.Status;
        Guid? personaId = null, problemId = null;
        var (setPersona, setProblem) = (false, false);
        foreach (var path in paths)
        {
            switch (path)
            {
                case "change":
                    violations.RequiredText("hypothesis.change", input.Change, Hypothesis.MaxText);
                    hypothesis.Change = input.Change.Trim();
                    break;
                case "outcome":
                    violations.RequiredText("hypothesis.outcome", input.Outcome, Hypothesis.MaxText);
                    hypothesis.Outcome = input.Outcome.Trim();
                    break;
                case "metric_key":
                    if (!MetricKeyPattern().IsMatch(input.MetricKey))
                        violations.Add("hypothesis.metric_key", "Lower case letters, digits, dots, dashes and underscores, 1–100 characters.");
                    hypothesis.MetricKey = input.MetricKey;
                    break;
                case "minimum_effect":
                    if (!double.IsFinite(input.MinimumEffect) || input.MinimumEffect <= 0 || input.MinimumEffect > Hypothesis.MaxEffect)
                        violations.Add("hypothesis.minimum_effect", $"More than 0 and at most {Hypothesis.MaxEffect}; got {input.MinimumEffect}.");
                    hypothesis.MinimumEffect = input.MinimumEffect;
                    break;
                case "persona":
                    (setPersona, personaId) = (true, ResourceNames.ParseOptionalId(input.Persona, Lookups.Personas, "hypothesis.persona", violations));
                    break;
                case "problem":
                    (setProblem, problemId) = (true, ResourceNames.ParseOptionalId(input.Problem, Lookups.Problems, "hypothesis.problem", violations));
                    break;
                case "backlog_item":
                    hypothesis.BacklogItemId = ResourceNames.ParseOptionalId(input.BacklogItem, Lookups.BacklogItems, "hypothesis.backlog_item", violations);
                    break;
                case "experiment":
                    hypothesis.ExperimentId = ResourceNames.ParseOptionalId(input.Experiment, Lookups.Experiments, "hypothesis.experiment", violations);
                    break;
                case "status":
                    violations.DefinedEnum("hypothesis.status", input.Status, allowZero: creating);
                    hypothesis.Status = input.Status == V1.HypothesisStatus.Unspecified ? HypothesisStatus.Draft : (HypothesisStatus)input.Status;
                    break;
            }
        }
        violations.ThrowIfAny();
        if (setPersona)
        {
            hypothesis.PersonaId = personaId is { } persona
                ? (await db.FindPersonaAsync(ResourceNames.Format(Lookups.Personas, persona), "hypothesis.persona", cancellationToken)).Id
                : null;
        }
        if (setProblem)
        {
            var problem = problemId is { } id ? await db.FindProblemAsync(ResourceNames.Format(Lookups.Problems, id), "hypothesis.problem", cancellationToken) : null;
            if (problem is not null && problem.ProductId != hypothesis.ProductId)
                throw new ValidationException("hypothesis.problem", "The problem belongs to another product.");
            hypothesis.ProblemId = problem?.Id;
        }
        return creating || status != hypothesis.Status;
    }

    private void RaiseStatusChanged(Hypothesis hypothesis, Guid workspaceId) =>
        db.AddIntegrationEvent(new HypothesisStatusChanged(hypothesis.Id, hypothesis.ProductId, Hypothesis.EventName(hypothesis.Status), hypothesis.MetricKey)
        {
            WorkspaceId = workspaceId,
        });

    private async Task<Dictionary<Guid, string>> PersonaNamesAsync(IReadOnlyList<Hypothesis> hypotheses, CancellationToken cancellationToken)
    {
        var ids = hypotheses.Select(h => h.PersonaId).OfType<Guid>().Distinct().ToList();
        return ids.Count == 0 ? [] : await db.Personas.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, cancellationToken);
    }

    private async Task<V1.Hypothesis> ViewAsync(Hypothesis hypothesis, CancellationToken cancellationToken) =>
        ToProto(hypothesis, await PersonaNamesAsync([hypothesis], cancellationToken));

    public static V1.Hypothesis ToProto(Hypothesis hypothesis, IReadOnlyDictionary<Guid, string> personaNames)
    {
        var proto = new V1.Hypothesis
        {
            Name = ResourceNames.Format(Lookups.Hypotheses, hypothesis.Id),
            Product = ResourceNames.Format(Lookups.Products, hypothesis.ProductId),
            Change = hypothesis.Change,
            Persona = hypothesis.PersonaId is { } persona ? ResourceNames.Format(Lookups.Personas, persona) : "",
            Outcome = hypothesis.Outcome,
            MetricKey = hypothesis.MetricKey,
            MinimumEffect = hypothesis.MinimumEffect,
            Problem = hypothesis.ProblemId is { } problem ? ResourceNames.Format(Lookups.Problems, problem) : "",
            Experiment = hypothesis.ExperimentId is { } experiment ? ResourceNames.Format(Lookups.Experiments, experiment) : "",
            BacklogItem = hypothesis.BacklogItemId is { } item ? ResourceNames.Format(Lookups.BacklogItems, item) : "",
            Status = (V1.HypothesisStatus)hypothesis.Status,
            Statement = hypothesis.Statement(hypothesis.PersonaId is { } id ? personaNames.GetValueOrDefault(id) : null),
            Metadata = hypothesis.ToMetadata(),
        };
        if (hypothesis.Result is { } result)
        {
            proto.Result = new V1.ExperimentResult
            {
                Experiment = ResourceNames.Format(Lookups.Experiments, result.ExperimentId), Verdict = result.Verdict, ConcludeTime = result.ConcludedAt.ToUtcTimestamp(),
                Variant = result.Variant ?? "", MinimumEffect = result.MinimumEffect ?? 0, Reason = result.Reason ?? "",
            };
            if (result.PValue is { } p) proto.Result.PValue = p;
            if (result.RelativeLift is { } lift) proto.Result.RelativeLift = lift;
            if (result.IntervalLow is { } low) proto.Result.RelativeIntervalLow = low;
            if (result.IntervalHigh is { } high) proto.Result.RelativeIntervalHigh = high;
        }
        return proto;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,99}$")]
    private static partial Regex MetricKeyPattern();
}
