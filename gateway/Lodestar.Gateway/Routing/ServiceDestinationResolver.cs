using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.ServiceDiscovery;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace Lodestar.Gateway.Routing;

/// <summary>
/// Resolves each cluster's service-discovery address (<c>http://_grpc.backlog</c>) to the endpoints
/// Microsoft.Extensions.ServiceDiscovery knows: the Aspire-style <c>services__backlog__grpc__0</c> variables locally,
/// DNS names in Kubernetes. Re-resolved when the discovery source signals a change.
/// </summary>
public sealed class ServiceDestinationResolver(ServiceEndpointResolver resolver, ILogger<ServiceDestinationResolver> logger) : IDestinationResolver
{
    public async ValueTask<ResolvedDestinationCollection> ResolveDestinationsAsync(
        IReadOnlyDictionary<string, DestinationConfig> destinations, CancellationToken cancellationToken)
    {
        var resolved = new Dictionary<string, DestinationConfig>();
        var changes = new List<IChangeToken>();
        foreach (var (name, destination) in destinations)
        {
            var address = new Uri(destination.Address);
            var endpoints = await resolver.GetEndpointsAsync(address.GetLeftPart(UriPartial.Authority), cancellationToken);
            if (endpoints.ChangeToken is { } change) changes.Add(change);
            foreach (var endpoint in endpoints.Endpoints)
            {
                var text = endpoint.EndPoint.ToString()!;
                var target = new Uri(text.Contains("://", StringComparison.Ordinal) ? text : $"{address.Scheme}://{text}");
                var uri = new UriBuilder(address) { Scheme = target.Scheme, Host = target.Host, Port = target.Port }.Uri;
                resolved[$"{name}[{target.Authority}]"] = destination with { Address = uri.ToString() };
            }
            if (endpoints.Endpoints.Count == 0) logger.LogWarning("No endpoint known for {Address}; its routes answer 503 until one is", destination.Address);
        }
        return new ResolvedDestinationCollection(resolved, new CompositeChangeToken(changes));
    }
}
