using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Lodestar.Api;
using Lodestar.Errors;
using Lodestar.Metrics.Domain.Experiments;
using Lodestar.Metrics.Domain.Statistics;
using Lodestar.Metrics.Infrastructure;
using Lodestar.Persistence;
using Lodestar.Security;
using Microsoft.EntityFrameworkCore;
using V1 = Lodestar.Metrics.V1;

namespace Lodestar.Metrics.Grpc;

/// <summary>lodestar.metrics.v1.ExperimentService: A/B tests from design to verdict.</summary>
public sealed class ExperimentGrpcService(MetricsDbContext db, ExperimentConcluder concluder, IWorkspaceContext workspace, TimeProvider clock)
    : V1.ExperimentService.ExperimentServiceBase
{
    private DateTime Now => StoredTime.Of(clock.GetUtcNow());

    public override async Task<V1.Experiment> CreateExperiment(V1.CreateExperimentRequest request, ServerCallContext context)
    {
        var product = await db.FindProductAsync(request.Parent, "parent", context.CancellationToken);
        var input = request.Experiment ?? throw new ValidationException("experiment", "Required.");
        var violations = new Violations();
        ExperimentRules.CheckKey(violations, "experiment.key", input.Key);
        var experiment = new Experiment { ProductId = product.Id, Key = input.Key };
        ExperimentEditor.Apply(experiment, input, ExperimentEditor.Fields, violations);
        if (await db.Experiments.AnyAsync(e => e.ProductId == product.Id && e.Key == input.Key, context.CancellationToken))
            throw new AlreadyExistsException("Experiment", input.Key);
        db.Experiments.Add(experiment);
        await db.SaveChangesAsync(context.CancellationToken);
        return ExperimentMapping.ToProto(experiment);
    }

    public override async Task<V1.Experiment> GetExperiment(V1.GetExperimentRequest request, ServerCallContext context) =>
        ExperimentMapping.ToProto(await db.FindExperimentAsync(request.Name, "name", context.CancellationToken));

    public override async Task<V1.ListExperimentsResponse> ListExperiments(V1.ListExperimentsRequest request, ServerCallContext context)
    {
        var product = await db.FindProductAsync(request.Parent, "parent", context.CancellationToken);
        new Violations().DefinedEnum("state", request.State, allowZero: true).ThrowIfAny();
        var query = db.Experiments.AsNoTracking().Where(e => e.ProductId == product.Id);
        if (request.State != V1.ExperimentState.Unspecified) query = query.Where(e => e.State == (ExperimentState)request.State);
        var (page, next) = await Pagination.OffsetPageAsync(request.PageSize, request.PageToken, Pagination.Fingerprint(nameof(ListExperiments), request.Parent, request.State.ToString()),
            (skip, take) => query.OrderByDescending(e => e.CreateTime).ThenBy(e => e.Id).Skip(skip).Take(take).ToListAsync(context.CancellationToken));
        return new V1.ListExperimentsResponse { Experiments = { page.Select(ExperimentMapping.ToProto) }, NextPageToken = next };
    }

    public override async Task<V1.Experiment> UpdateExperiment(V1.UpdateExperimentRequest request, ServerCallContext context)
    {
        var input = request.Experiment ?? throw new ValidationException("experiment", "Required.");
        var paths = FieldMasks.Require(request.UpdateMask, ExperimentEditor.Fields);
        var experiment = await db.FindExperimentAsync(input.Name, "experiment.name", context.CancellationToken);
        db.ExpectETag(experiment, input.Metadata?.Etag, "experiment.metadata.etag");
        ExperimentEditor.Apply(experiment, input, [.. paths]);
        await db.SaveChangesAsync(context.CancellationToken);
        return ExperimentMapping.ToProto(experiment);
    }

    public override async Task<Empty> DeleteExperiment(V1.DeleteExperimentRequest request, ServerCallContext context)
    {
        var experiment = await db.FindExperimentAsync(request.Name, "name", context.CancellationToken);
        db.ExpectETag(experiment, request.Etag);
        experiment.EnsureDeletable();
        db.Experiments.Remove(experiment);
        await db.SaveChangesAsync(context.CancellationToken);
        return new Empty();
    }

    public override async Task<V1.Experiment> StartExperiment(V1.StartExperimentRequest request, ServerCallContext context)
    {
        var experiment = await db.FindExperimentAsync(request.Name, "name", context.CancellationToken);
        experiment.Start(Now);
        await db.SaveChangesAsync(context.CancellationToken);
        return ExperimentMapping.ToProto(experiment);
    }

    public override async Task<V1.Assignment> AssignVariant(V1.AssignVariantRequest request, ServerCallContext context)
    {
        var experiment = await db.FindExperimentAsync(request.Experiment, "experiment", context.CancellationToken);
        var distinctId = ExperimentMapping.DistinctId(request);
        experiment.EnsureAssignable();
        var logged = await db.Exposures.AsNoTracking().FirstOrDefaultAsync(x => x.ExperimentId == experiment.Id && x.DistinctId == distinctId, context.CancellationToken);
        if (logged is not null) return Assignment(logged.Variant, false, logged.ExposedAt);
        var variant = VariantAssignment.Pick(experiment.Key, distinctId, experiment.Variants);
        if (experiment.State == ExperimentState.Concluded) return Assignment(variant, false, null);

        workspace.Require(WorkspaceRole.Editor);
        var (standing, first) = await db.LogExposureAsync(experiment, distinctId, variant, Now, context.CancellationToken);
        return Assignment(standing.Variant, first, standing.ExposedAt);
    }

    public override async Task<V1.ExperimentAnalysis> AnalyzeExperiment(V1.AnalyzeExperimentRequest request, ServerCallContext context)
    {
        var experiment = await db.FindExperimentAsync(request.Name, "name", context.CancellationToken);
        var figures = await concluder.AnalyzeAsync(experiment, context.CancellationToken);
        if (db.ChangeTracker.HasChanges() && workspace.Role >= WorkspaceRole.Editor)
            await concluder.SaveRememberedPValuesAsync(experiment, context.CancellationToken);
        return ExperimentSnapshot.ToMessage(figures, Now);
    }

    public override async Task<V1.Experiment> ConcludeExperiment(V1.ConcludeExperimentRequest request, ServerCallContext context)
    {
        // The request carries no etag: a concurrent save of the monitor's p-values is no reason to refuse, so the
        // conclusion is made again on the fresh row (and refused if the monitor concluded first).
        return await db.RetryOnConflictAsync(async () =>
        {
            var experiment = await db.FindExperimentAsync(request.Name, "name", context.CancellationToken);
            new Violations().DefinedEnum("verdict", request.Verdict, allowZero: true).OptionalText("reason", request.Reason, Experiment.MaxReason).ThrowIfAny();
            experiment.EnsureRunning();
            var figures = await concluder.TryAnalyzeAsync(experiment, context.CancellationToken);
            concluder.Conclude(experiment, figures, (Verdict)request.Verdict, request.Reason, automatic: false);
            await db.SaveChangesAsync(context.CancellationToken);
            return ExperimentMapping.ToProto(experiment);
        });
    }

    public override Task<V1.SampleSizeResult> CalculateSampleSize(V1.CalculateSampleSizeRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        var power = request.Power == 0 ? 0.8 : request.Power;
        var alpha = request.Alpha == 0 ? 0.05 : request.Alpha;
        var variants = request.VariantCount == 0 ? 2 : request.VariantCount;
        ExperimentRules.CheckDesign(violations, "", request.BaselineConversionRate, request.MinimumDetectableEffect, power, alpha);
        if (variants is < 2 or > ExperimentRules.MaxVariants) violations.Add("variant_count", $"2–{ExperimentRules.MaxVariants}.");
        if (request.DailyUsers < 0) violations.Add("daily_users", "Not negative.");
        violations.ThrowIfAny();
        var plan = SampleSizePlan.For(request.BaselineConversionRate, request.MinimumDetectableEffect, alpha, power, variants, request.DailyUsers);
        return Task.FromResult(new V1.SampleSizeResult { UsersPerVariant = plan.UsersPerVariant, TotalUsers = plan.TotalUsers, Days = plan.Days });
    }

    private static V1.Assignment Assignment(string variant, bool first, DateTime? at) => new()
    {
        Variant = variant,
        FirstExposure = first,
        ExposureTime = at.ToUtcTimestamp(),
    };
}
