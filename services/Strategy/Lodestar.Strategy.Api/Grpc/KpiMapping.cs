using Lodestar.Api;
using Lodestar.Persistence;
using Lodestar.Strategy.Domain;
using Lodestar.Strategy.Domain.Kpis;
using Lodestar.Strategy.Infrastructure;
using V1 = Lodestar.Strategy.V1;

namespace Lodestar.Strategy.Grpc;

/// <summary>Domain ⇄ API shapes of KPIs.</summary>
internal static class KpiMapping
{
    public static V1.Kpi ToProto(this Kpi kpi)
    {
        var proto = new V1.Kpi
        {
            Name = ResourceNames.Format(StrategyNames.Kpis, kpi.Id),
            Product = ResourceNames.Format(StrategyNames.Products, kpi.ProductId),
            DisplayName = kpi.DisplayName,
            MetricKey = kpi.MetricKey,
            Direction = (V1.KpiDirection)kpi.Direction,
            Target = kpi.Target,
            AtRiskBand = kpi.AtRiskBand,
            NorthStar = kpi.NorthStar,
            Status = (V1.KpiStatus)kpi.Status,
            Metadata = kpi.ToMetadata(),
        };
        if (kpi.LatestValue is { } value) proto.LatestValue = value;
        if (kpi.LatestMeasureTime is { } time) proto.LatestMeasureTime = time.ToUtcTimestamp();
        if (kpi.LatestValueDate is { } day) proto.LatestValueDate = day.ToProto();
        if (kpi.StatusDate is { } since) proto.StatusDate = since.ToProto();
        proto.StatusReason = kpi.StatusReason;
        return proto;
    }

    public static V1.KpiValue ToProto(this KpiValue value) => new()
    {
        Value = value.Value,
        MeasureTime = value.MeasureTime.ToUtcTimestamp(),
        Status = (V1.KpiStatus)value.Status,
        AsOfDate = MetricDays.DayOf(value.Date, value.MeasureTime).ToProto(),
    };
}
