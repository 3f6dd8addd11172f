using Google.Protobuf.WellKnownTypes;
using Lodestar.Api;
using Lodestar.Errors;
using Lodestar.Metrics.Domain.Events;
using Lodestar.Metrics.Domain.Funnels;
using Lodestar.Metrics.Infrastructure;
using Lodestar.Persistence;
using V1 = Lodestar.Metrics.V1;

namespace Lodestar.Metrics.Grpc;

/// <summary>Funnels between messages and records.</summary>
public static class FunnelMapping
{
    public static V1.Funnel ToProto(Funnel funnel) => new()
    {
        Name = ResourceNames.Format(MetricsNames.Products, funnel.ProductId, MetricsNames.Funnels, funnel.Id),
        DisplayName = funnel.DisplayName,
        Steps = { funnel.Steps },
        ConversionWindow = Duration.FromTimeSpan(funnel.Window),
        MetricKey = funnel.MetricKey,
        Metadata = funnel.ToMetadata(),
    };

    public static V1.FunnelReport ToReport(this Funnel funnel, long[] users)
    {
        var report = new V1.FunnelReport { OverallConversion = FunnelQueries.Conversion(users) };
        for (var i = 0; i < users.Length; i++)
        {
            report.Steps.Add(new V1.FunnelStep
            {
                EventName = funnel.Steps[i],
                Users = users[i],
                ConversionFromPrevious = i == 0 ? (users[0] > 0 ? 1 : 0) : Ratio(users[i], users[i - 1]),
                ConversionFromStart = Ratio(users[i], users[0]),
            });
        }
        return report;
    }

    /// <summary>part ÷ whole, 0 for an empty whole.</summary>
    public static double Ratio(long part, long whole) => whole == 0 ? 0 : (double)part / whole;
}
