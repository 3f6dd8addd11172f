using Lodestar.Gateway.Routing;
using Microsoft.AspNetCore.Http.Features;
using Yarp.ReverseProxy.Model;

namespace Lodestar.Gateway.Hygiene;

/// <summary>
/// Lifts the total body limit for streaming gRPC methods: a client stream of event batches may rightly carry more than
/// any single request, and each of its messages is still held to the service's per-message limit.
/// </summary>
public sealed class StreamingBodyLimitMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext http)
    {
        var route = http.GetEndpoint()?.Metadata.GetMetadata<RouteModel>();
        if (route?.Config.Metadata?.ContainsKey(ProtoRoutes.StreamingMetadata) == true
            && http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }
        return next(http);
    }
}
