using Lodestar.Api;
using Lodestar.Discovery.Domain.Insights;
using Lodestar.Discovery.Infrastructure;
using Lodestar.Persistence;
using V1 = Lodestar.Discovery.V1;

namespace Lodestar.Discovery.Grpc;

/// <summary>Domain ⇄ API shapes of insights.</summary>
public static class InsightMapping
{
    public static V1.Insight ToProto(this Insight insight, IEnumerable<Guid> problems)
    {
        var proto = new V1.Insight
        {
            Name = ResourceNames.Format(DiscoveryNames.Insights, insight.Id),
            Source = (V1.InsightSource)insight.Source,
            Summary = insight.Summary,
            Quote = insight.Quote,
            Customer = new V1.Customer
            {
                AccountId = insight.CustomerAccountId,
                DisplayName = insight.CustomerName,
                Segment = insight.CustomerSegment,
                RevenueBand = insight.CustomerRevenueBand,
            },
            Persona = insight.PersonaId is { } persona ? ResourceNames.Format(DiscoveryNames.Personas, persona) : "",
            Importance = insight.Importance,
            Sentiment = (V1.Sentiment)(insight.Sentiment ?? 0),
            Tags = { insight.Tags },
            CaptureTime = insight.CaptureTime.ToUtcTimestamp(),
            OriginUri = insight.OriginUri,
            OriginId = insight.OriginId,
            Product = insight.ProductId is { } product ? ResourceNames.Format(DiscoveryNames.Products, product) : "",
            Problems = { problems.Select(p => ResourceNames.Format(DiscoveryNames.Problems, p)) },
            Metadata = insight.ToMetadata(),
        };
        if (insight.Satisfaction is { } satisfaction) proto.Satisfaction = satisfaction;
        return proto;
    }
}
