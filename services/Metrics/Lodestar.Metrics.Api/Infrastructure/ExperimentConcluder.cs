using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Errors;
using Lodestar.Messaging.Outbox;
using Lodestar.Metrics.Domain.Experiments;
using Lodestar.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Metrics.Infrastructure;

/// <summary>
/// Analyses experiments and concludes them: the running minimum of each variant's always-valid p-value is kept, and a
/// conclusion records the verdict and the analysis and publishes ExperimentConcluded in the same transaction (outbox).
/// </summary>
public sealed class ExperimentConcluder(MetricsDbContext db, TimeProvider clock)
{
    private const int MaxSaveAttempts = 5;

    /// <summary>The figures now; FAILED_PRECONDITION for a draft or an experiment without exposures.</summary>
    public async Task<ExperimentFigures> AnalyzeAsync(Experiment experiment, CancellationToken cancellationToken)
    {
        if (experiment.State == ExperimentState.Draft)
            throw new FailedPreconditionException("The experiment has not started: start it, assign users, then analyse.");
        return await TryAnalyzeAsync(experiment, cancellationToken)
            ?? throw new FailedPreconditionException("The experiment has no exposures yet: assign users (AssignVariant) before analysing.");
    }

    /// <summary>The figures now, or null while nobody has been exposed.</summary>
    public async Task<ExperimentFigures?> TryAnalyzeAsync(Experiment experiment, CancellationToken cancellationToken)
    {
        if (!await db.Exposures.AnyAsync(x => x.ExperimentId == experiment.Id, cancellationToken)) return null;
        var (arms, guardrails) = await db.ConversionsAsync(experiment, cancellationToken);
        var figures = ExperimentAnalyzer.Analyze(experiment, arms, guardrails);
        experiment.RememberSequentialPValues(figures.Variants.Where(v => !v.Variant.Control).Select(v => KeyValuePair.Create(v.Variant.Key, v.SequentialPValue)));
        return figures;
    }

    /// <summary>
    /// Saves the p-values <see cref="TryAnalyzeAsync"/> remembered. Every concurrent writer (the monitor, another
    /// analysis) only lowers them too, so a conflict re-applies the minimum to the fresh row rather than failing what the
    /// caller sees as a read; a conclusion in between leaves nothing to remember.
    /// </summary>
    public async Task SaveRememberedPValuesAsync(Experiment experiment, CancellationToken cancellationToken)
    {
        var remembered = experiment.BestSequentialPValues;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (EtagMismatchException) when (attempt < MaxSaveAttempts)
            {
                db.ChangeTracker.Clear();
                var fresh = await db.Experiments.FirstOrDefaultAsync(e => e.Id == experiment.Id && e.State == ExperimentState.Running, cancellationToken);
                if (fresh is null || !fresh.RememberSequentialPValues(remembered)) return;
            }
        }
    }

    /// <summary>
    /// Concludes with <paramref name="verdict"/> (or the figures' recommendation, inconclusive when there is none) and
    /// <paramref name="reason"/> (or the figures'); <paramref name="figures"/> is null when no user was ever exposed.
    /// <paramref name="automatic"/> marks the service's own conclusions. The figures are kept on
    /// <paramref name="experiment"/> as the API shows an analysis (<see cref="ExperimentSnapshot"/>).
    /// </summary>
    public void Conclude(Experiment experiment, ExperimentFigures? figures, Verdict verdict, string? reason, bool automatic)
    {
        var end = StoredTime.Of(clock.GetUtcNow());
        experiment.Conclude(verdict, reason, figures?.Recommendation ?? Verdict.None, figures?.Reason ?? "No user was exposed to the experiment.", automatic, end);
        experiment.ConclusionAnalysis = figures is null ? null : ExperimentSnapshot.ToJson(figures, end);
        var lift = figures?.Leader?.Comparison;
        db.AddIntegrationEvent(new ExperimentConcluded(experiment.Id, experiment.HypothesisId, experiment.Verdict.ToString().ToLowerInvariant(), figures?.DecidingPValue)
        {
            WorkspaceId = experiment.WorkspaceId,
            Variant = figures?.Leader?.Variant.Key,
            RelativeLift = lift?.RelativeLift,
            RelativeIntervalLow = lift is { ControlRate: > 0 } ? lift.IntervalLow / lift.ControlRate : null,
            RelativeIntervalHigh = lift is { ControlRate: > 0 } ? lift.IntervalHigh / lift.ControlRate : null,
            Reason = experiment.ConclusionReason,
        });
    }
}
