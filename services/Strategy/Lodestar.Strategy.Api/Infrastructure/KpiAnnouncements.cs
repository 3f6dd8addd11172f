using Lodestar.Contracts.IntegrationEvents;
using Lodestar.Messaging.Outbox;
using Lodestar.Strategy.Domain.Kpis;

namespace Lodestar.Strategy.Infrastructure;

/// <summary>What strategy announces about a KPI, raised alike by the API and by the metric-value consumer.</summary>
public static class KpiAnnouncements
{
    /// <summary>Publishes KpiStatusChanged, with what moved it, through the outbox.</summary>
    public static void AnnounceStatusChanged(this StrategyDbContext db, Kpi kpi, KpiStatus previous) =>
        db.AddIntegrationEvent(new KpiStatusChanged(kpi.Id, kpi.ProductId, kpi.MetricKey, EventName(kpi.Status), EventName(previous), kpi.LatestValue)
        {
            WorkspaceId = kpi.WorkspaceId,
            AsOfDate = kpi.LatestValueDate,
            Target = kpi.Target,
            AtRiskBand = kpi.AtRiskBand,
            Direction = kpi.Direction == KpiDirection.Down ? "down" : "up",
            Reason = kpi.StatusReason,
        });

    /// <summary>The status as integration events spell it.</summary>
    public static string EventName(KpiStatus status) => status switch
    {
        KpiStatus.OnTrack => "on-track",
        KpiStatus.AtRisk => "at-risk",
        KpiStatus.OffTrack => "off-track",
        _ => "no-data",
    };
}
