using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Discovery.Domain.Hypotheses;
using Lodestar.Discovery.Infrastructure;
using Lodestar.Messaging.Inbox;
using Lodestar.Persistence;
using Lodestar.Security;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Discovery.IntegrationEvents;

/// <summary>
/// An experiment concluded: the hypothesis it tests (named in the event, or linked to the experiment) takes the status
/// the verdict gives it once the lift is held to the hypothesis's minimum effect (<see cref="HypothesisVerdict"/>), with the
/// result and the reason attached, and publishes HypothesisStatusChanged when the status moved.
/// </summary>
public sealed class ExperimentConcludedConsumer(DiscoveryDbContext db, WorkspaceContext workspace, ILogger<ExperimentConcludedConsumer> logger)
    : IdempotentConsumer<ExperimentConcluded, DiscoveryDbContext>(db, workspace, logger)
{
    protected override async Task HandleAsync(ExperimentConcluded message, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<HypothesisStatus>(message.Verdict, ignoreCase: true, out var verdict)
            || verdict is not (HypothesisStatus.Validated or HypothesisStatus.Invalidated or HypothesisStatus.Inconclusive))
        {
            logger.LogWarning("Experiment {ExperimentId} concluded with unknown verdict {Verdict}; no hypothesis changed", message.ExperimentId, message.Verdict);
            return;
        }
        var hypotheses = await Db.Hypotheses
            .Where(h => (message.HypothesisId != null && h.Id == message.HypothesisId) || h.ExperimentId == message.ExperimentId)
            .ToListAsync(cancellationToken);
        var conclusion = new ExperimentConclusion(message.ExperimentId, verdict, StoredTime.Of(message.OccurredAt), message.PValue, message.Variant,
            message.RelativeLift, message.RelativeIntervalLow, message.RelativeIntervalHigh, message.Reason);
        foreach (var hypothesis in hypotheses)
        {
            if (hypothesis.Conclude(conclusion)) Db.AnnounceStatusChanged(hypothesis, message.WorkspaceId);
        }
    }
}
