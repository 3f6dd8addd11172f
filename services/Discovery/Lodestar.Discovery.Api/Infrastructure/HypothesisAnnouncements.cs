using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Discovery.Domain.Hypotheses;
using Lodestar.Messaging.Outbox;

namespace Lodestar.Discovery.Infrastructure;

/// <summary>What discovery announces about a hypothesis, raised alike by the API and by the conclusion consumer.</summary>
public static class HypothesisAnnouncements
{
    /// <summary>HypothesisStatusChanged through the outbox; the workspace is given, as a new hypothesis has none stamped yet.</summary>
    public static void AnnounceStatusChanged(this DiscoveryDbContext db, Hypothesis hypothesis, Guid workspaceId) =>
        db.AddIntegrationEvent(new HypothesisStatusChanged(hypothesis.Id, hypothesis.ProductId, Hypothesis.EventName(hypothesis.Status), hypothesis.MetricKey)
        {
            WorkspaceId = workspaceId,
        });
}
